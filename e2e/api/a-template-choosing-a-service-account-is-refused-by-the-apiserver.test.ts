// The controller creates pods with its own rights: a template naming a service account would run
// users' instances with that account's token (and its RBAC), whoever the user is.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithPod,
} from '../support/service-templates.ts';

describe('a service template choosing a service account', () => {
  const { api, namespace } = templateFixture('svct-sa');

  for (const field of ['serviceAccountName', 'serviceAccount']) {
    it(`is refused with ${field}`, async () => {
      const template = templateWithPod(`with-${field.toLowerCase()}`, (pod) => {
        pod[field] = 'argo';
      });
      assertRefused(await createTemplate(api, template, namespace()), 403, 'service account');
    });
  }
});
