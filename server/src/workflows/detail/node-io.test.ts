import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { artifactLocation, inputsAndOutputs } from './node-io.ts';

describe('inputsAndOutputs', () => {
  it('reads parameters, artifacts with their locations, exit code and result', () => {
    const io = inputsAndOutputs({
      inputs: { parameters: [{ name: 'code', value: '1' }, { name: 'unset' }] },
      outputs: {
        exitCode: '1',
        result: 'done',
        parameters: [{ name: 'rows', value: '42' }],
        artifacts: [
          { name: 'report', path: '/tmp/report.csv', s3: { bucket: 'data', key: 'wf/report.csv' } },
          { name: 'logs', s3: { key: 'wf/main.log' } },
        ],
      },
    });
    assert.deepEqual(io.inputs, {
      parameters: [{ name: 'code', value: '1' }, { name: 'unset' }],
      artifacts: [],
    });
    assert.deepEqual(io.outputs, {
      parameters: [{ name: 'rows', value: '42' }],
      artifacts: [
        { name: 'report', location: 's3://data/wf/report.csv', path: '/tmp/report.csv' },
        { name: 'logs', location: 's3: wf/main.log (default repository)' },
      ],
      exitCode: '1',
      result: 'done',
    });
  });

  it('gives empty lists for a node without inputs or outputs, and for malformed ones', () => {
    const empty = { parameters: [], artifacts: [] };
    assert.deepEqual(inputsAndOutputs({}), { inputs: empty, outputs: empty });
    assert.deepEqual(inputsAndOutputs({ inputs: 'x', outputs: { parameters: 'y', artifacts: [1, null] } }), {
      inputs: empty,
      outputs: empty,
    });
  });
});

describe('artifactLocation', () => {
  it('names the store of each kind Argo writes', () => {
    assert.equal(artifactLocation({ gcs: { bucket: 'b', key: 'k' } }), 'gcs://b/k');
    assert.equal(artifactLocation({ http: { url: 'https://example.com/a' } }), 'https://example.com/a');
    assert.equal(
      artifactLocation({ git: { repo: 'https://example.com/r.git' } }),
      'https://example.com/r.git',
    );
    assert.equal(artifactLocation({ azure: { container: 'c', blob: 'b' } }), 'azure: c/b');
    assert.equal(artifactLocation({ raw: { data: 'x' } }), '(raw: inline in the workflow)');
    assert.equal(artifactLocation({ name: 'nothing' }), undefined);
  });
});
