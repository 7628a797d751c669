// A node's log comes from pods/log, read as the user: alice reads the failed node of her team's ETL,
// follows it, gets clear errors for a node without a pod, a missing container and bad input, and bob
// is refused as if the workflow did not exist.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ApiError, WorkflowDetail } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

const workflow = '/api/v1/namespaces/team-a/workflows/etl-2026-11-24-broken';

describe('node logs', () => {
  const suite = apiSuite('alice', 'bob');
  let failedNode: string;
  let dagNode: string;
  before(async () => {
    const { body } = await suite.alice.json<WorkflowDetail>(workflow);
    failedNode = body.nodes.find((n) => n.displayName === 'transform-b')?.id ?? '';
    dagNode = body.nodes.find((n) => n.type === 'DAG')?.id ?? '';
    assert.ok(failedNode && dagNode);
  });

  it('streams the main container’s lines, with timestamps on demand', async () => {
    const res = await suite.alice.fetch(`${workflow}/logs?node=${failedNode}&timestamps=true`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const text = await res.text();
    assert.match(text, /^2026-11-24T10:00:00\.000000000Z starting step: loading input partitions$/m);
    assert.match(text, /step finished in/);
  });

  it('streams with follow=true: the first lines arrive before the response ends', async () => {
    const abort = new AbortController();
    const res = await suite.alice.fetch(`${workflow}/logs?node=${failedNode}&follow=true`, {
      signal: abort.signal,
    });
    assert.equal(res.status, 200);
    assert.ok(res.body);
    const first: unknown = (await res.body.getReader().read()).value;
    assert.ok(first instanceof Uint8Array);
    assert.match(new TextDecoder().decode(first), /starting step/);
    abort.abort();
  });

  it('offers the log as a download', async () => {
    const res = await suite.alice.fetch(`${workflow}/logs?node=${failedNode}&download=true&container=wait`);
    assert.equal(res.status, 200);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /attachment; filename="etl-2026-11-24-broken-.*-wait\.log"/,
    );
    assert.match(await res.text(), /waiting for the main container/);
  });

  it('explains that a DAG node has no pod, and a container that does not exist', async () => {
    const noPod = await suite.alice.json<ApiError>(`${workflow}/logs?node=${dagNode}`);
    assert.equal(noPod.status, 404);
    assert.match(noPod.body.message, /has no pod/);
    const noContainer = await suite.alice.json<ApiError>(
      `${workflow}/logs?node=${failedNode}&container=sidecar`,
    );
    assert.equal(noContainer.status, 404);
    assert.match(noContainer.body.hint ?? '', /main/);
  });

  it('refuses bad input with INPUT_INVALID', async () => {
    for (const query of [
      '',
      '?node=../../etc',
      `?node=${failedNode}&follow=maybe`,
      `?node=${failedNode}&tailLines=0`,
    ]) {
      const res = await suite.alice.json<ApiError>(`${workflow}/logs${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.code, 'INPUT_INVALID');
    }
  });

  it('refuses bob the log exactly like a missing workflow', async () => {
    const res = await suite.bob.json<ApiError>(`${workflow}/logs?node=${failedNode}`);
    assert.equal(res.status, 404);
    assert.match(res.body.message, /was not found, or you have no access to it/);
  });
});

describe('the whole workflow’s logs', () => {
  const suite = apiSuite('alice', 'bob');

  it('interleaves every pod’s lines by time, each naming its node', async () => {
    const res = await suite.alice.fetch(`${workflow}/logs/all`);
    assert.equal(res.status, 200);
    const lines = (await res.text()).trim().split('\n');
    // extract, transform-a and transform-b ran (load was omitted): three pods of 11 lines each.
    assert.equal(lines.length, 33);
    for (const node of ['extract', 'transform-a', 'transform-b'])
      assert.ok(
        lines.some((l) => l.includes(` ${node}: starting step`)),
        node,
      );
    const times = lines.map((l) => l.slice(0, l.indexOf(' ')));
    assert.deepEqual(times, [...times].sort(), 'in time order');
  });

  it('refuses bob like a missing workflow, and bad input with INPUT_INVALID', async () => {
    assert.equal((await suite.bob.json<ApiError>(`${workflow}/logs/all`)).status, 404);
    assert.equal((await suite.alice.json<ApiError>(`${workflow}/logs/all?tailLines=0`)).status, 400);
  });
});
