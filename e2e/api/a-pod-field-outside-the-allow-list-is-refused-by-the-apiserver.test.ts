// Beyond the named refusals, a template's pod may hold only allow-listed fields: a node name, a host
// port, a secret or config map a template names itself, a probe at another host, sysctls — and any
// field Kubernetes adds later — are refused until someone reviews them.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithContainer,
  templateWithPod,
} from '../support/service-templates.ts';

describe('a pod field outside the allow-list', () => {
  const { api, namespace } = templateFixture('svct-allow');
  const cases: [string, ReturnType<typeof templateWithPod>, string][] = [
    ['nodeName', templateWithPod('node-name', (pod) => (pod['nodeName'] = 'kwok-node-0')), 'nodeName'],
    [
      'a field Kubernetes might add',
      templateWithPod('future', (pod) => (pod['hostUsers'] = true)),
      'hostUsers',
    ],
    [
      'sysctls',
      templateWithPod('sysctls', (pod) => (pod['securityContext'] = { sysctls: [] })),
      'securityContext',
    ],
    [
      'a secret volume',
      templateWithPod('secret-volume', (pod) => pod.volumes.push({ name: 's', secret: { secretName: 'x' } })),
      'volume',
    ],
    [
      'a hostPort',
      templateWithContainer('host-port', (c) => (c['ports'] = [{ containerPort: 8888, hostPort: 80 }])),
      'hostPort',
    ],
    [
      'an env variable from a secret',
      templateWithContainer(
        'secret-env',
        (c) => (c['env'] = [{ name: 'T', valueFrom: { secretKeyRef: { name: 'x', key: 'y' } } }]),
      ),
      'secretRef inputs',
    ],
    [
      'a probe at another host',
      templateWithContainer(
        'probe-host',
        (c) => (c['livenessProbe'] = { httpGet: { host: '169.254.169.254', path: '/', port: 80 } }),
      ),
      'probe',
    ],
    [
      'envFrom',
      templateWithContainer('env-from', (c) => (c['envFrom'] = [{ secretRef: { name: 'x' } }])),
      'container',
    ],
  ];

  for (const [what, template, fragment] of cases) {
    it(`is refused: ${what}`, async () => {
      assertRefused(await createTemplate(api, template, namespace()), 403, fragment);
    });
  }
});
