import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.ts';
import { testEnv } from '../test-env.ts';
import { InstanceActivity } from './activity.ts';
import { ProxyThread } from './proxy-thread.ts';

/** A thread over the stand-in (testdata/thread-that-ends.ts), its log, and a way to log out. */
function threadOver(namespace: string) {
  const logged: string[] = [];
  const waiting: { text: string; count: number; resolve: () => void }[] = [];
  const log = (message: string): void => {
    logged.push(message);
    for (const w of waiting)
      if (logged.filter((line) => line.startsWith(w.text)).length >= w.count) w.resolve();
  };
  let logout: (sid: string, expiresAt: number) => void = () => undefined;
  const activity = new InstanceActivity();
  const thread = new ProxyThread({
    config: loadConfig(testEnv()),
    namespace,
    activity,
    logouts: { onRevoke: (listener) => (logout = listener) },
    log,
    entry: new URL('./testdata/thread-that-ends.ts', import.meta.url),
  });
  const logs = (text: string, count = 1): Promise<void> =>
    new Promise((resolve) => {
      waiting.push({ text, count, resolve });
      log('');
    });
  return { thread, activity, logged, logs, logout: (sid: string) => logout(sid, 99) };
}

describe("the proxy's thread", () => {
  it('tells the thread of a logout and notes the uses it reports', { timeout: 20_000 }, async () => {
    const { thread, activity, logs, logout } = threadOver('stays');
    await thread.start();
    logout('sid-1');
    await logs('refused sid-1');
    assert.equal(activity.lastRequestAt('team-a', 'nb'), 1234);
    await thread.stop();
  });

  it('is started again when it ends by itself', { timeout: 20_000 }, async () => {
    const { thread, logged, logs } = threadOver('ends');
    await thread.start();
    await logs('started', 2);
    assert.ok(logged.some((line) => line.startsWith("the proxy's thread ended: starting it again")));
    await thread.stop();
  });
});
