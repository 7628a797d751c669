// A client that opens the live list and never reads it must not make the server hold every event for
// it: once the bytes it left unread pass the bound (here 256 KiB), the server drops the connection
// and frees them (the browser's EventSource would reconnect with Last-Event-ID and resume). Shown with
// a raw socket that stops reading after `ready` while ~30 MB of events are made (300 workflows with a
// 100 KB message, more than the bound and both sockets' kernel buffers), bounded in count: while the
// client still has not read a byte its stream's place is free again, and read, its connection ends;
// the server stays healthy and a client that reads gets every event.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { custom, eventually } from '../../devcluster/test/cluster.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

const workflows = { group: 'argoproj.io', version: 'v1alpha1', namespace: 'team-a', plural: 'workflows' };
const made = 300;
const messageBytes = 100_000;

/** A finished workflow the controller leaves alone (completed label), with a long message. */
function finishedWorkflow(label: string, i: number): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: `${label}-${i}`,
      labels: { 'argovue.dev/test': label, 'workflows.argoproj.io/completed': 'true' },
    },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] },
    status: {
      phase: 'Failed',
      message: `${i} ${'x'.repeat(messageBytes)}`,
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:01:00Z',
    },
  };
}

/** Opens the live list on a raw socket and reads until `ready`; then the caller stops reading. */
function openRaw(server: RunningServer, client: ApiClient): Promise<Socket> {
  const url = new URL(server.url);
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      if (!seen.includes('event: ready')) return;
      socket.off('data', onData);
      socket.pause();
      resolve(socket);
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(
      `GET /api/v1/workflows/events HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`,
    );
  });
}

describe('a client that never reads its live list', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const label = `unread-${randomBytes(3).toString('hex')}`;
  before(async () => {
    // Two streams for alice: the one she never reads and the one she reads. A third opens only once the
    // server has let go of the unread one.
    server = await startServer({
      ARGOVUE_SSE_MAX_BUFFERED_BYTES: String(256 * 1024),
      ARGOVUE_MAX_STREAMS_PER_USER: '2',
    });
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
    await custom
      .deleteCollectionNamespacedCustomObject({ ...workflows, labelSelector: `argovue.dev/test=${label}` })
      .catch(() => undefined);
  });

  it('is dropped, while the server stays healthy and a reading client gets every event', async () => {
    const unread = await openRaw(server, alice);
    let closedByServer = false;
    unread.once('close', () => (closedByServer = true));
    const res = await alice.fetch('/api/v1/workflows/events', { headers: { accept: 'text/event-stream' } });
    const reading = new SseReader(res);
    await reading.waitFor('ready', (e) => e.event === 'ready');

    for (let i = 0; i < made; i++)
      await custom.createNamespacedCustomObject({ ...workflows, body: finishedWorkflow(label, i) });

    await reading.waitFor(
      'the last workflow made',
      (e) => e.event === 'upsert' && (e.data as WorkflowRow).name === `${label}-${made - 1}`,
      60_000,
    );
    const names = new Set(
      reading.events
        .filter((e) => e.event === 'upsert' && (e.data as WorkflowRow).name.startsWith(`${label}-`))
        .map((e) => (e.data as WorkflowRow).name),
    );
    assert.equal(names.size, made, 'the reading client got every workflow');

    // Still without reading a byte, the unread stream has been let go: its place is free again.
    const third = await eventually('the unread stream’s place to be free', async () => {
      const res = await alice.fetch('/api/v1/workflows/events', { headers: { accept: 'text/event-stream' } });
      if (res.status === 200) return new SseReader(res);
      assert.equal(res.status, 429);
      await res.arrayBuffer();
      return undefined;
    });
    await third.close();
    await reading.close();

    // Now read what the server had sent before it let go: the stream must end (it was dropped), not
    // go on with the later events and heartbeats.
    let received = 0;
    unread.on('data', (chunk: Buffer) => (received += chunk.length));
    unread.resume();
    await new Promise<void>((resolve, reject) => {
      if (closedByServer) {
        resolve();
        return;
      }
      const timer = setTimeout(
        () => reject(new Error(`not dropped: ${received} bytes read and open`)),
        30_000,
      );
      unread.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    assert.ok(received < made * messageBytes, `it got only part of the events (${received} bytes)`);

    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
  });
});
