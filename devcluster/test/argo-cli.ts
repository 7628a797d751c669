// The `argo` CLI built from the Argo module (devcluster/build.sh): the oracle for what Argo's own
// operations (retry, resubmit) do to a workflow. It talks to the apiserver directly, as admin.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { promisify } from 'node:util';

const versions = readFileSync(new URL('../versions.env', import.meta.url), 'utf8');
const argoVersion = /^ARGO_VERSION=(\S+)$/m.exec(versions)?.[1] ?? '';
const cache = process.env['ARGOVUE_CACHE'] ?? `${homedir()}/.cache/argovue`;
export const argoCli = `${cache}/bin/argo-${argoVersion}/argo`;

/** Runs `argo ARGS -o json` against the local cluster and returns the parsed output. */
export async function argo(args: readonly string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(argoCli, [...args, '-o', 'json'], {
    env: { ...process.env, KUBECONFIG: process.env['KUBECONFIG'] ?? '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as unknown;
}
