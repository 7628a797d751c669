// The object as the YAML view shows it: like `kubectl get -o yaml`, without metadata.managedFields
// (server-side apply bookkeeping, often longer than the rest of the object and of no use to a reader).

export function withoutManagedFields(object: unknown): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return object;
  if (!('metadata' in object)) return object;
  const { metadata } = object;
  if (typeof metadata !== 'object' || metadata === null || !('managedFields' in metadata)) return object;
  const { managedFields: _dropped, ...rest } = metadata;
  return { ...object, metadata: rest };
}
