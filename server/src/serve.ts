// The server itself, loaded by main.ts once Node's compile cache is on.
import { readFileSync } from 'node:fs';
import { buildApp, ownNamespace, startServices } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { loadKubeConfig } from './kube/cluster.ts';
import { ProxyThread } from './proxy/proxy-thread.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version?: string;
};

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const kc = await loadKubeConfig(config.kubeconfig);
  // Watches may report trouble before the app (and its logger) exists.
  const logger = { warn: (message: string): void => console.warn(message) };
  const services = startServices(config, kc, (message) => logger.warn(message));
  const app = await buildApp(config, {
    ...services,
    version: version ?? '0.0.0',
  });
  logger.warn = (message) => app.log.warn(message);
  const proxy = new ProxyThread({
    config,
    namespace: ownNamespace(config, kc),
    activity: services.proxy.activity,
    logouts: services.proxy.logouts,
    log: (message) => logger.warn(message),
  });
  const shutdown = (signal: string): void => {
    app.log.info({ signal }, 'shutting down');
    // Ends the caches and every open stream (their last words are flushed during the grace below).
    services.stop();
    // A connection a client keeps open without a request (browsers and fetch open spares) is not idle
    // to Node and would hold the close for the keep-alive timeout (72 s): after a grace period for
    // answers under way, every connection is closed.
    setTimeout(() => app.server.closeAllConnections(), 2000).unref();
    const pending = new Set(['the portal', 'the proxy']);
    // Both end within about 5 s; a part still closing after 15 s would hold the process (and whoever
    // waits for its exit) without end: it exits anyway, naming what did not finish.
    setTimeout(() => {
      console.error(`shutdown: ${[...pending].join(' and ')} had not closed after 15 s; exiting anyway`);
      process.exit(1);
    }, 15_000).unref();
    Promise.all([
      app.close().then(() => pending.delete('the portal')),
      proxy.stop().then(() => pending.delete('the proxy')),
    ])
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // The proxy first: once the portal answers, its /readyz may say ready, and whoever waits for that
  // (a probe, a test) then uses the proxy too. Listening the other way round, a request came between
  // the two and was refused (seen in CI). The caches load meanwhile (startServices above).
  await proxy.start();
  app.log.info({ proxy: services.proxy.base.href, port: config.proxyPort }, 'service proxy listening');
  await app.listen({ host: config.host, port: config.port });
}

await main();
