import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readList, type FieldPick } from './list-stream.ts';

async function read(
  json: string,
  pick: FieldPick,
  chunkSize = json.length,
): Promise<{ items: unknown[]; metadata: unknown }> {
  const bytes = Buffer.from(json);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const items: unknown[] = [];
  const metadata = await readList(Readable.from(chunks), pick, (item) => items.push(item));
  return { items, metadata };
}

const workflow = (name: string, extra: object = {}) => ({
  metadata: {
    name,
    namespace: 'team-a',
    resourceVersion: '17',
    labels: { 'a/b': 'c' },
    annotations: { 'argovue.dev/submitted-by': 'alice', 'kubectl/last-applied': '{"big":"[{]}\\""}' },
    managedFields: [{ manager: 'x', fieldsV1: { 'f:status': {} } }],
  },
  spec: { templates: [{ name: 'main', container: { args: ['}', '{', '"', '\\'] } }], suspend: true },
  status: {
    phase: 'Succeeded',
    message: 'done: "quoted" \\ back \u00e9 \ud83d\ude00',
    progress: '8/8',
    nodes: { x: { id: 'x', children: ['y', 'z'] } },
    finishedAt: null,
  },
  ...extra,
});

const list = (items: object[], metadata: object = { resourceVersion: '99', continue: 'abc' }) =>
  JSON.stringify({ kind: 'WorkflowList', apiVersion: 'argoproj.io/v1alpha1', metadata, items });

const rowPick: FieldPick = {
  metadata: {
    name: true,
    namespace: true,
    resourceVersion: true,
    labels: true,
    annotations: { 'argovue.dev/submitted-by': true },
  },
  spec: { suspend: true, shutdown: true },
  status: { phase: true, message: true, progress: true, finishedAt: true },
};

const picked = (name: string) => ({
  metadata: {
    name,
    namespace: 'team-a',
    resourceVersion: '17',
    labels: { 'a/b': 'c' },
    annotations: { 'argovue.dev/submitted-by': 'alice' },
  },
  spec: { suspend: true },
  status: {
    phase: 'Succeeded',
    message: 'done: "quoted" \\ back \u00e9 \ud83d\ude00',
    progress: '8/8',
    finishedAt: null,
  },
});

describe('readList', () => {
  it('gives each item whole and the list metadata, whatever the order of the list fields', async () => {
    const items = [workflow('a'), workflow('b')];
    for (const json of [
      list(items),
      JSON.stringify({ items, metadata: { resourceVersion: '99', continue: 'abc' }, kind: 'WorkflowList' }),
    ]) {
      const got = await read(json, true);
      assert.deepEqual(got.items, items);
      assert.deepEqual(got.metadata, { resourceVersion: '99', continue: 'abc' });
    }
  });

  it('keeps only the picked fields, nested, and nothing of the rest', async () => {
    const got = await read(list([workflow('a'), workflow('b')]), rowPick);
    assert.deepEqual(got.items, [picked('a'), picked('b')]);
  });

  it('reads the same whatever the chunks the body arrives in (every split, 1 byte to 7)', async () => {
    const json = list([workflow('a'), workflow('b', { extra: [1, { '}': '{' }, 'x'] })]);
    const whole = await read(json, rowPick);
    for (const size of [1, 2, 3, 5, 7]) assert.deepEqual(await read(json, rowPick, size), whole);
    assert.deepEqual(await read(json, true, 3), await read(json, true));
  });

  it('reads keys with escapes and pretty-printed JSON', async () => {
    const item = { metadata: { name: 'a', 'we"ird': 1 }, status: { phase: 'Failed' } };
    const got = await read(JSON.stringify({ metadata: {}, items: [item] }, null, 2), {
      metadata: { 'we"ird': true },
      status: true,
    });
    assert.deepEqual(got.items, [{ metadata: { 'we"ird': 1 }, status: { phase: 'Failed' } }]);
  });

  it('reads an empty list, and a metadata-only list', async () => {
    assert.deepEqual(await read(list([], { resourceVersion: '5' }), rowPick), {
      items: [],
      metadata: { resourceVersion: '5' },
    });
    const partial = { kind: 'PartialObjectMetadata', metadata: { name: 'n', resourceVersion: '3' } };
    assert.deepEqual((await read(list([partial]), { metadata: true })).items, [
      { metadata: partial.metadata },
    ]);
  });

  it('rejects a body that ends before the list does', async () => {
    const json = list([workflow('a')]);
    await assert.rejects(read(json.slice(0, json.length - 20), rowPick, 100));
  });
});
