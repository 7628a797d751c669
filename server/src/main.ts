// ArgoVue's entry. Node's compile cache is turned on before any of the server's modules load (a static
// import would load them first): compiling and type-stripping them was about a third of the CPU a
// start took before ready (0.6 of 2.1 s on a loaded 2-core machine), and a restart on the same
// machine or in the same container reads them back instead. The cache is in the temp folder
// (NODE_COMPILE_CACHE chooses another; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
//
// The V8 flag, set before the server's modules load (it holds for the proxy's thread too): a proxied
// download allocates buffers per socket read (64 KiB, and Node's HTTP parser copies each body chunk),
// and V8 answers that external memory with major GCs. Counted in the global limit instead, a 512 MiB
// download made 3–24 major GCs rather than 34–37 when the proxy shared the API's heap; in its own
// thread (proxy/proxy-thread.ts) 28–30 rather than 44–48, each marking its 15 MB, and the proxy's
// CPU per GiB 2.34–2.42 s rather than 2.72–2.82 (CHP 2.16–2.50), at a peak RSS 40–60 MB higher
// during downloads (README: the proxy).
import { enableCompileCache } from 'node:module';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--external-memory-accounted-in-global-limit');
enableCompileCache();
await import('./serve.ts');
