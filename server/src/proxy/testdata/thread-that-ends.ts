// A stand-in for the proxy's thread in proxy-thread.test.ts: it says it listens, reports a use, echoes
// a logout in its log, ends on a stop — and, for the namespace `ends`, ends by itself soon after it
// started, as a thread that failed would.
import { parentPort, workerData } from 'node:worker_threads';
import type { FromProxy, ProxyThreadData, ToProxy } from '../proxy-worker.ts';

const link = parentPort;
if (link === null) throw new Error('runs as a worker thread');
const tell = (message: FromProxy): void => link.postMessage(message);
const { namespace } = workerData as ProxyThreadData;
link.on('message', (message: ToProxy) => {
  if (message.type === 'revoked') tell({ type: 'log', message: `refused ${message.sid}` });
  else process.exit(0);
});
tell({ type: 'log', message: 'started' });
tell({ type: 'used', uses: [{ namespace: 'team-a', name: 'nb', at: 1234 }] });
tell({ type: 'listening' });
if (namespace === 'ends') setTimeout(() => process.exit(3), 50);
