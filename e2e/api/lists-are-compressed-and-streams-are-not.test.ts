// Lists go out compressed when the browser accepts it (the same rows as uncompressed), while the live
// streams — Server-Sent Events and a followed log — are never compressed and deliver their first
// lines while the response is still open (a compressor would hold them back).
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { WorkflowDetail, WorkflowList } from '@argovue/api-types';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const browserEncodings = 'gzip, deflate, br, zstd';

describe('compression', () => {
  let server: RunningServer;
  let alice: ApiClient;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
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
    const path = '/api/v1/namespaces/team-a/workflows?limit=1000';
    const plain = await get(path, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    const rows = JSON.parse((await body(plain)).toString()) as WorkflowList;
    assert.ok(rows.items.length > 0, 'team-a has workflows (the demo data)');

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
