// A container that writes one 50 MB line (KWOK serves it for containers named huge-line: see
// devcluster/cluster.sh): the node's log shows the line cut at 64 KiB with a marker, then the next
// line; the interleaved workflow log cuts it at 16 KiB; a download gets it whole, streamed. That the
// server never holds a line is log-lines.ts's design (and its unit test); the growth of the server's
// peak memory is printed, not asserted: 50 MB streamed in 64 KiB chunks leaves garbage that V8
// collects when it likes (21–32 MB measured), too close to the line's size for a sure test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { cutMarker } from '../../server/src/streams/log-lines.ts';
import { apiSuite } from '../support/suites.ts';
import { createWorkflowAndWait, podTemplate, testWorkflow } from '../support/test-workflow.ts';

const lineBytes = 50 * 1024 * 1024;

/** The process's peak resident memory so far (VmHWM), in bytes. */
function peakRss(pid: number): number {
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) * 1024;
}

describe('a 50 MB log line', () => {
  const suite = apiSuite('alice');
  const name = `huge-line-${randomBytes(3).toString('hex')}`;
  let node = '';
  before(async () => {
    suite.afterwards(() => deleteWorkflow('team-a', name));
    node = await createWorkflowAndWait(
      'team-a',
      testWorkflow(name, [
        podTemplate('main', {
          sidecars: [{ name: 'huge-line', image: 'example.invalid/x:1', command: ['print'] }],
        }),
      ]),
      `${name} to succeed`,
      (w) => (w.status?.phase === 'Succeeded' ? Object.keys(w.status.nodes ?? {})[0] : undefined),
    );
  });

  const logPath = (query: string) => `/api/v1/namespaces/team-a/workflows/${name}/logs${query}`;

  // cluster.sh restarts a KWOK started from an older config; should one still lack the log, the test
  // fails saying so rather than skipping (a skipped test proves nothing).
  before(async () => {
    const res = await suite.alice.fetch(logPath(`?node=${node}&container=huge-line&tailLines=1`));
    const text = await res.text();
    assert.ok(
      !(res.status === 404 && text.includes('no logs found for container')),
      'the running KWOK does not serve the huge-line log: run devcluster/cluster.sh up (it restarts a KWOK whose config changed)',
    );
  });

  it('shows the node’s log with the line cut at 64 KiB and marked, then the next line', async (t) => {
    const before = peakRss(suite.server.pid);
    const res = await suite.alice.fetch(logPath(`?node=${node}&container=huge-line`));
    assert.equal(res.status, 200);
    const lines = (await res.text()).split('\n');
    assert.equal(lines[0], `${'x'.repeat(64 * 1024)}${cutMarker(64 * 1024)}`);
    assert.equal(lines[1], 'after the long line');
    const grew = peakRss(suite.server.pid) - before;
    t.diagnostic(`server peak RSS grew by ${(grew / 1024 / 1024).toFixed(1)} MB`);
  });

  it('cuts it in the interleaved workflow log too', async () => {
    const res = await suite.alice.fetch(
      `/api/v1/namespaces/team-a/workflows/${name}/logs/all?container=huge-line`,
    );
    assert.equal(res.status, 200);
    const lines = (await res.text()).trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines[0]?.endsWith(`${'x'.repeat(100)}${cutMarker(16 * 1024)}`), lines[0]?.slice(-200));
    assert.ok((lines[0]?.length ?? 0) < 17 * 1024);
    assert.match(lines[1] ?? '', /after the long line$/);
  });

  it('downloads it whole, streamed rather than held', async (t) => {
    const before = peakRss(suite.server.pid);
    const res = await suite.alice.fetch(logPath(`?node=${node}&container=huge-line&download=true`));
    assert.equal(res.status, 200);
    let bytes = 0;
    for await (const chunk of res.body ?? []) bytes += (chunk as Uint8Array).byteLength;
    assert.equal(bytes, lineBytes + '\nafter the long line\n'.length);
    const grew = peakRss(suite.server.pid) - before;
    t.diagnostic(`server peak RSS grew by ${(grew / 1024 / 1024).toFixed(1)} MB`);
  });

  it('is refused for a container the pod does not have, with the pod’s containers named', async () => {
    const res = await suite.alice.json<ApiError>(logPath(`?node=${node}&container=nope`));
    assert.equal(res.status, 404);
    assert.match(res.body.hint ?? '', /huge-line/);
  });
});
