// The proxy thread's entry (proxy-thread.ts starts it). Node's compile cache holds per thread: turned
// on here as in main.ts, before the proxy's modules load, a restart reads them back compiled.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./proxy-worker-main.ts');
