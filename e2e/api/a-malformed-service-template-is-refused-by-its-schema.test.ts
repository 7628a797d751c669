// The CRD's OpenAPI schema: a template of the wrong shape never reaches the controller.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  goodServiceTemplate,
  templateFixture,
  templateWithInput,
} from '../support/service-templates.ts';

describe('a malformed service template', () => {
  const { api, namespace } = templateFixture('svct-schema');
  const withSpec = (name: string, change: (spec: Record<string, unknown>) => void) => {
    const template = goodServiceTemplate(name);
    change(template.spec);
    return template;
  };
  const cases: [string, ReturnType<typeof goodServiceTemplate>, string][] = [
    ['without a title', withSpec('no-title', (s) => delete s['title']), 'title'],
    ['without ports', withSpec('no-ports', (s) => (s['ports'] = [])), 'ports'],
    [
      'with a port out of range',
      withSpec('port', (s) => (s['ports'] = [{ name: 'http', port: 70000 }])),
      'port',
    ],
    ['with an idle timeout in words', withSpec('idle', (s) => (s['idleTimeout'] = 'a while')), 'idleTimeout'],
    ['with an unknown input type', templateWithInput('type', { name: 'x', type: 'yaml' }), 'type'],
    ['with an enum without options', templateWithInput('enum', { name: 'x', type: 'enum' }), 'options'],
    [
      'with minimum above maximum',
      templateWithInput('bounds', { name: 'x', type: 'number', minimum: 5, maximum: 1 }),
      'minimum',
    ],
    [
      'with a pattern on a number',
      templateWithInput('pattern', { name: 'x', type: 'number', pattern: '.*' }),
      'pattern',
    ],
    [
      'with an input name that is not a name',
      templateWithInput('name', { name: '{{x}}', type: 'string' }),
      'name',
    ],
    [
      'with a default of another type',
      templateWithInput('default', { name: 'x', type: 'number', default: 'ten' }),
      'default',
    ],
  ];

  for (const [what, template, fragment] of cases) {
    it(`is refused ${what}`, async () => {
      // (The default's type is the policy's check: CEL in the CRD cannot see an untyped field.)
      assertRefused(await createTemplate(api, template, namespace()), 422, fragment);
    });
  }
});
