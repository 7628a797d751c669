// A service template as a developer would write one, using every input type and fill target, a
// claim and a probe: the fixture of the render unit tests and of the apiserver tests in e2e/api.
export type TemplateBody = Record<string, unknown> & { spec: Record<string, unknown> };

/** A template a developer would write: every input type and fill target, a PVC and a probe. */
export function goodServiceTemplate(name: string): TemplateBody {
  return {
    apiVersion: 'argovue.io/v1alpha1',
    kind: 'ServiceTemplate',
    metadata: { name },
    spec: {
      title: 'Jupyter Notebook',
      description: 'A notebook server with a Python kernel.',
      icon: 'notebook',
      idleTimeout: '30m',
      inputs: [
        {
          name: 'cpu',
          type: 'string',
          pattern: '^[0-9]+m?$',
          maxLength: 8,
          default: '500m',
          fills: [{ resource: { container: 'notebook', name: 'cpu', in: 'both' } }],
        },
        {
          name: 'replicas',
          type: 'number',
          integer: true,
          minimum: 0,
          maximum: 2,
          default: 1,
          fills: [{ replicas: {} }],
        },
        {
          name: 'debug',
          type: 'boolean',
          default: false,
          help: 'Log every request',
          fills: [{ env: { container: 'notebook', name: 'DEBUG' } }, { arg: { container: 'notebook' } }],
        },
        {
          name: 'version',
          type: 'enum',
          options: ['7.0', '7.1'],
          default: '7.1',
          fills: [{ imageTag: { container: 'notebook' } }],
        },
        { name: 'data', type: 'pvc', fills: [{ claimName: { volume: 'data' } }] },
        { name: 'size', type: 'string', default: '1Gi', fills: [{ storage: { claim: 'home' } }] },
        {
          name: 'token',
          type: 'secretRef',
          fills: [{ secretEnv: { container: 'notebook', name: 'TOKEN', key: 'token' } }],
        },
      ],
      ports: [{ name: 'http', port: 8888, path: '/', websocket: true }],
      workload: {
        deployment: {
          replicas: 1,
          template: {
            metadata: { labels: { 'argovue.dev/run-locally': 'jupyter' } },
            spec: {
              securityContext: { runAsNonRoot: true, runAsUser: 1000 },
              containers: [
                {
                  name: 'notebook',
                  image: 'quay.io/jupyter/base-notebook:7.1',
                  args: ['start-notebook.py'],
                  ports: [{ containerPort: 8888, name: 'http' }],
                  resources: { requests: { cpu: '500m', memory: '1Gi' } },
                  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
                  volumeMounts: [
                    { name: 'data', mountPath: '/data' },
                    { name: 'home', mountPath: '/home/jovyan' },
                  ],
                  readinessProbe: { httpGet: { path: '/api', port: 8888 } },
                },
              ],
              volumes: [
                { name: 'data', persistentVolumeClaim: { claimName: 'placeholder' } },
                { name: 'home', persistentVolumeClaim: { claimName: 'home' } },
              ],
            },
          },
        },
        volumeClaims: [{ name: 'home', size: '1Gi' }],
      },
    },
  };
}
