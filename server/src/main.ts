// ArgoVue's entry. Node's compile cache is turned on before any of the server's modules load (a static
// import would load them first): compiling and type-stripping them was about a third of the CPU a
// start took before ready (0.6 of 2.1 s on a loaded 2-core machine), and a restart on the same
// machine or in the same container reads them back instead. The cache is in the temp folder
// (NODE_COMPILE_CACHE chooses another; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
//
// The V8 flag, set before the server's modules load: a proxied download allocates buffers per socket
// read (64 KiB, and Node's HTTP parser copies each body chunk), and V8 answered that external memory
// with a major GC every 15–30 MB, each marking the whole heap: the API's caches (40 MB at 20,000
// workflows) where configurable-http-proxy marks 10 MB. Counted in the global limit instead, a
// 512 MiB download took 3–24 major GCs rather than 34–37, and the proxy 1.7–3.9 rather than 3.9–6.7 s
// of CPU per GiB (CHP 2.2–4.0), at a peak RSS 20–40 MB higher (README: the proxy).
import { enableCompileCache } from 'node:module';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--external-memory-accounted-in-global-limit');
enableCompileCache();
await import('./serve.ts');
