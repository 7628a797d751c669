// Lists go out compressed when the browser accepts it (the same rows as uncompressed), while the live
// streams — Server-Sent Events and a followed log — are never compressed and deliver their first
// lines while the response is still open (a compressor would hold them back).
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { WorkflowDetail, WorkflowList } from '@argovue/api-types';
import { custom, eventually } from '../../devcluster/test/cluster.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const browserEncodings = 'gzip, deflate, br, zstd';
const workflows = { group: 'argoproj.io', version: 'v1alpha1', namespace: 'team-a', plural: 'workflows' };
const testLabel = 'argovue.dev/test=compression';
const seeded = 12;

/** A finished workflow the controller leaves alone (completed label), so the list is past 1 KiB. */
function finishedWorkflow(i: number): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      generateName: `compression-${i}-`,
      labels: { 'argovue.dev/test': 'compression', 'workflows.argoproj.io/completed': 'true' },
    },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] },
    status: {
      phase: 'Succeeded',
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:01:00Z',
      progress: '1/1',
    },
  };
}

describe('compression', () => {
  let server: RunningServer;
  let alice: ApiClient;
  before(async () => {
    // A fresh cluster's team-a lists a few rows, under the 1 KiB below which nothing is compressed.
    for (let i = 0; i < seeded; i++)
      await custom.createNamespacedCustomObject({ ...workflows, body: finishedWorkflow(i) });
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
    await custom.deleteCollectionNamespacedCustomObject({ ...workflows, labelSelector: testLabel });
  });

  /** A GET over node:http, which (unlike fetch) shows the body exactly as sent. */
  function get(path: string, headers: Record<string, string>): Promise<IncomingMessage> {
    const cookie = [...alice.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return new Promise((resolve, reject) => {
      request(new URL(path, server.url), { headers: { cookie, ...headers } }, resolve)
        .on('error', reject)
        .end();
    });
  }

  async function body(res: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The first chunk of a response that must stay open; then the connection is dropped. */
  async function firstChunk(res: IncomingMessage): Promise<string> {
    const chunk = await new Promise<Buffer>((resolve, reject) => {
      res.once('data', resolve);
      res.once('end', () => reject(new Error('the stream ended before its first chunk was read')));
    });
    assert.equal(res.complete, false, 'the stream is still open');
    res.destroy();
    return chunk.toString();
  }

  it('sends a list as Brotli or gzip, with the same rows as without', async () => {
    const path = `/api/v1/namespaces/team-a/workflows?limit=1000&label=${testLabel}`;
    const plainBody = await eventually('the seeded workflows in the list', async () => {
      const res = await get(path, {});
      assert.equal(res.headers['content-encoding'], undefined);
      const text = await body(res);
      return (JSON.parse(text.toString()) as WorkflowList).total === seeded ? text : undefined;
    });
    assert.ok(plainBody.length > 1024, 'the list is past the size below which nothing is compressed');
    const rows = JSON.parse(plainBody.toString()) as WorkflowList;

    const br = await get(path, { 'accept-encoding': browserEncodings });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers['vary'] ?? '', /accept-encoding/i);
    const fromBr = JSON.parse(brotliDecompressSync(await body(br)).toString()) as WorkflowList;
    assert.deepEqual(
      fromBr.items.map((r) => r.name),
      rows.items.map((r) => r.name),
    );

    const gzip = await get(path, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    const fromGzip = JSON.parse(gunzipSync(await body(gzip)).toString()) as WorkflowList;
    assert.equal(fromGzip.total, rows.total);
  });

  it('streams live list events uncompressed, the first one while the stream is open', async () => {
    const res = await get('/api/v1/workflows/events?namespace=team-a', {
      accept: 'text/event-stream',
      'accept-encoding': browserEncodings,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.match(await firstChunk(res), /^retry: \d+/);
  });

  it('streams a followed log uncompressed, its first lines while the stream is open', async () => {
    const workflow = '/api/v1/namespaces/team-a/workflows/etl-2026-11-24-broken';
    const detail = await alice.json<WorkflowDetail>(workflow);
    const node = detail.body.nodes.find((n) => n.displayName === 'transform-b')?.id;
    assert.ok(node, 'the demo ETL has its failed node');
    const res = await get(`${workflow}/logs?node=${node}&follow=true`, {
      'accept-encoding': browserEncodings,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.match(await firstChunk(res), /starting step/);
  });
});
