import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortNodeName } from './interleaved-logs.ts';

describe('shortNodeName', () => {
  it('leaves the workflow’s name off DAG and steps nodes, and keeps anything else', () => {
    assert.equal(shortNodeName('etl-1.transform-b', 'etl-1'), 'transform-b');
    assert.equal(shortNodeName('report[1].render(0)', 'report'), '[1].render(0)');
    assert.equal(shortNodeName('report.onExit', 'report'), 'onExit');
    assert.equal(shortNodeName('report', 'report'), 'report');
    assert.equal(shortNodeName('report-2[0].a', 'report'), 'report-2[0].a');
  });
});
