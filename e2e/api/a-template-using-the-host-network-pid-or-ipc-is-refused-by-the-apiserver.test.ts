// hostNetwork, hostPID and hostIPC put an instance in the node's namespaces: each is refused.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithPod,
} from '../support/service-templates.ts';

describe('a service template using the node namespaces', () => {
  const { api, namespace } = templateFixture('svct-hostns');

  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    it(`is refused with ${field}`, async () => {
      const template = templateWithPod(`with-${field.toLowerCase()}`, (pod) => {
        pod[field] = true;
      });
      assertRefused(await createTemplate(api, template, namespace()), 403, 'hostNetwork, hostPID, hostIPC');
    });
  }
});
