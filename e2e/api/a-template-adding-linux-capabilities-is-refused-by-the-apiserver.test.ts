// Added capabilities (NET_ADMIN, SYS_ADMIN…) are most of root; dropping them is what templates should do.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithContainer,
} from '../support/service-templates.ts';

describe('a service template adding capabilities', () => {
  const { api, namespace } = templateFixture('svct-caps');

  it('is refused', async () => {
    const template = templateWithContainer('notebook', (container) => {
      container['securityContext'] = { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } };
    });
    assertRefused(await createTemplate(api, template, namespace()), 403, 'capabilities');
  });
});
