// An input fills only an allow-listed kind of target (env, arg, resource, replicas, image tag from an
// enum, claim size or name, secret env). A free path, two targets in one fill, an image of the
// user's choice, or a container the workload does not have are each refused by the apiserver.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithInput,
} from '../support/service-templates.ts';

describe('an input filling a field outside the allow-list', () => {
  const { api, namespace } = templateFixture('svct-fills');
  const refusedBecause = async (input: Record<string, unknown>, status: number, fragment: string) => {
    assertRefused(
      await createTemplate(api, templateWithInput('notebook', input), namespace()),
      status,
      fragment,
    );
  };

  it('is refused for a free field path (pruned to an empty fill)', async () => {
    await refusedBecause(
      { name: 'net', type: 'boolean', fills: [{ path: 'spec.template.spec.hostNetwork' }] },
      422,
      'fills[0]',
    );
  });

  it('is refused for two targets in one fill', async () => {
    await refusedBecause(
      { name: 'two', type: 'string', fills: [{ env: { container: 'notebook', name: 'A' }, replicas: {} }] },
      422,
      'fills[0]',
    );
  });

  it('is refused for an image tag typed by the user', async () => {
    await refusedBecause(
      { name: 'tag', type: 'string', fills: [{ imageTag: { container: 'notebook' } }] },
      422,
      'image tag can only come from an enum',
    );
  });

  it('is refused for replicas without a bound', async () => {
    await refusedBecause({ name: 'many', type: 'number', fills: [{ replicas: {} }] }, 422, 'replicas');
  });

  it('is refused for a container the workload does not have', async () => {
    await refusedBecause(
      { name: 'side', type: 'string', fills: [{ env: { container: 'sidecar', name: 'A' } }] },
      422,
      'container the workload does not have',
    );
  });

  it('is refused for a claim name put into a volume that is not a claim', async () => {
    await refusedBecause(
      { name: 'other', type: 'pvc', fills: [{ claimName: { volume: 'no-such-volume' } }] },
      422,
      'claimName',
    );
  });
});
