// A privileged container is root on the node: refused whatever else the template says.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithContainer,
} from '../support/service-templates.ts';

describe('a service template with a privileged container', () => {
  const { api, namespace, clusterName } = templateFixture('svct-privileged');
  const privileged = (name: string) =>
    templateWithContainer(name, (container) => {
      container['securityContext'] = { privileged: true };
    });

  it('is refused in a namespace', async () => {
    assertRefused(await createTemplate(api, privileged('notebook'), namespace()), 403, 'privileged');
  });

  it('is refused cluster-wide', async () => {
    assertRefused(await createTemplate(api, privileged(clusterName)), 403, 'privileged');
  });
});
