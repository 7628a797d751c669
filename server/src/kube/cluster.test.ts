import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { loadKubeConfig, staticKubeConfig } from './cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'argovue-kubeconfig-'));
writeFileSync(join(dir, 'ca.crt'), 'CA PEM');
writeFileSync(join(dir, 'client.crt'), 'CERT PEM');
writeFileSync(join(dir, 'client.key'), 'KEY PEM');
writeFileSync(join(dir, 'token'), 'token-from-file\n');

function kubeconfig(cluster: string, user: string, namespace = ''): string {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
current-context: ctx
clusters:
- name: other
  cluster: { server: "https://wrong.example" }
- name: c
  cluster: ${cluster}
users:
- name: u
  user: ${user}
contexts:
- name: ctx
  context: { cluster: c, user: u${namespace === '' ? '' : `, namespace: ${namespace}`} }
`,
  );
  return path;
}

/** What client-node's KubeConfig puts on request options for the same file: the reference. */
async function clientNodeOptions(path: string): Promise<RequestOptions> {
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  return opts;
}

async function ownOptions(path: string): Promise<RequestOptions> {
  const own = await loadKubeConfig(path);
  const opts: RequestOptions = {};
  await own.applyToHTTPSOptions(opts);
  return opts;
}

const text = (value: unknown): string | undefined =>
  Buffer.isBuffer(value) ? value.toString() : typeof value === 'string' ? value : undefined;

const pick = (opts: RequestOptions) => ({
  ca: text(opts.ca),
  cert: text(opts.cert),
  key: text(opts.key),
  rejectUnauthorized: opts.rejectUnauthorized,
  authorization: (opts.headers as Record<string, string> | undefined)?.['Authorization'],
});

describe('the kubeconfig read without client-node', () => {
  const cases: [string, string, string][] = [
    [
      'client certificate files, relative to the kubeconfig',
      '{ server: "https://127.0.0.1:6443", certificate-authority: ca.crt }',
      '{ client-certificate: client.crt, client-key: client.key }',
    ],
    [
      'inline data',
      `{ server: "https://127.0.0.1:6443", certificate-authority-data: ${Buffer.from('CA').toString('base64')} }`,
      `{ client-certificate-data: ${Buffer.from('C').toString('base64')}, client-key-data: ${Buffer.from('K').toString('base64')} }`,
    ],
    ['a token', '{ server: "https://h:1", insecure-skip-tls-verify: true }', '{ token: abc }'],
  ];
  for (const [what, cluster, user] of cases) {
    it(`gives the same credentials as client-node: ${what}`, async () => {
      const path = kubeconfig(cluster, user);
      assert.ok(staticKubeConfig(readFileSync(path, 'utf8'), path), 'read without client-node');
      assert.deepEqual(pick(await ownOptions(path)), pick(await clientNodeOptions(path)));
    });
  }

  it('names the server and the context namespace as client-node does', async () => {
    const path = kubeconfig('{ server: "https://h:1" }', '{ token: t }', 'argovue-system');
    const [own, reference] = [await loadKubeConfig(path), new KubeConfig()];
    reference.loadFromFile(path);
    assert.equal(own.getCurrentCluster()?.server, reference.getCurrentCluster()?.server);
    assert.equal(own.getCurrentContext(), reference.getCurrentContext());
    assert.equal(
      own.getContextObject(own.getCurrentContext())?.namespace,
      reference.getContextObject(reference.getCurrentContext())?.namespace,
    );
  });

  it('leaves exec plugins, auth providers and proxies to client-node', async () => {
    for (const [cluster, user] of [
      [
        '{ server: "https://h:1" }',
        '{ exec: { command: echo, apiVersion: client.authentication.k8s.io/v1 } }',
      ],
      ['{ server: "https://h:1" }', '{ auth-provider: { name: oidc, config: {} } }'],
      ['{ server: "https://h:1", proxy-url: "http://proxy:3128" }', '{ token: t }'],
      ['{ server: "https://h:1", tls-server-name: other }', '{ token: t }'],
      ['{ server: "https://h:1" }', '{ token: t, as: someone }'],
    ] as const) {
      const path = kubeconfig(cluster, user);
      assert.equal(staticKubeConfig(readFileSync(path, 'utf8'), path), undefined);
      const loaded = await loadKubeConfig(path);
      assert.ok(loaded instanceof KubeConfig, 'client-node reads it');
    }
  });
});
