// main.ts as cluster.sh runs it: configuration from the environment, one log line, kept keys.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/free-port.ts';

const mainTs = fileURLToPath(new URL('./main.ts', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'oidc-provider-test-'));
after(() => rmSync(stateDir, { recursive: true, force: true }));

/**
 * Starts main.ts and waits until it prints its start-up line or exits (no fixed deadline: on a busy
 * machine a start took over 10 s, and a test that went on without the line failed for the wrong
 * reason). Returns the output so far and a stop function.
 */
async function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [mainTs], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit');
  const started = new Promise<void>((resolve) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('oidc-provider: issuer')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', () => resolve());
  });
  await started;
  return {
    output: () => output,
    exitCode: async () => {
      await exited;
      return child.exitCode;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function signingKeyIds(issuer: string): Promise<string[]> {
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
  return jwks.keys.map((key) => key.kid);
}

describe('oidc-provider main', () => {
  it('logs-one-start-line-without-the-secret-and-keeps-its-signing-key-across-restarts', async () => {
    const port = await freePort();
    const secret = 'a-secret-that-must-not-be-logged';
    const env = { OIDC_PORT: String(port), OIDC_CLIENT_SECRET: secret, OIDC_STATE_DIR: stateDir };
    const issuer = `http://127.0.0.1:${port}`;

    const first = await startMain(env);
    const keys = await signingKeyIds(issuer).finally(() => first.stop());
    assert.match(
      first.output(),
      new RegExp(
        `^oidc-provider: issuer ${issuer}, demo users: alice, bob, carol, dave, erin, gina, mallory \\(password: demo\\)$`,
        'm',
      ),
    );
    assert.doesNotMatch(first.output(), new RegExp(secret));
    assert.equal(statSync(join(stateDir, 'jwks.json')).mode & 0o777, 0o600);

    const second = await startMain(env);
    const keysAfterRestart = await signingKeyIds(issuer).finally(() => second.stop());
    assert.deepEqual(keysAfterRestart, keys);
  });

  it('refuses-to-start-without-a-client-secret-naming-the-variable', async () => {
    const main = await startMain({ OIDC_PORT: String(await freePort()) });
    assert.equal(await main.exitCode(), 2);
    assert.match(main.output(), /OIDC_CLIENT_SECRET is required/);
  });

  it('refuses-a-port-that-is-not-a-number', async () => {
    const main = await startMain({ OIDC_PORT: '55x', OIDC_CLIENT_SECRET: 's' });
    assert.equal(await main.exitCode(), 2);
    assert.match(main.output(), /OIDC_PORT must be a whole number/);
  });
});
