import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutManagedFields } from './object-for-yaml.ts';

describe('withoutManagedFields', () => {
  it('drops metadata.managedFields and keeps everything else, in order', () => {
    const object = {
      kind: 'Workflow',
      metadata: { name: 'wf', managedFields: [{ manager: 'argo' }], labels: { a: 'b' } },
      spec: { entrypoint: 'main' },
    };
    const shown = withoutManagedFields(object);
    assert.deepEqual(shown, {
      kind: 'Workflow',
      metadata: { name: 'wf', labels: { a: 'b' } },
      spec: { entrypoint: 'main' },
    });
    assert.deepEqual(Object.keys(shown as object), ['kind', 'metadata', 'spec']);
    assert.ok('managedFields' in object.metadata, 'the original is not changed');
  });

  it('leaves objects without managedFields, and non-objects, as they are', () => {
    const object = { metadata: { name: 'wf' } };
    assert.equal(withoutManagedFields(object), object);
    assert.equal(withoutManagedFields(null), null);
    assert.equal(withoutManagedFields('text'), 'text');
  });
});
