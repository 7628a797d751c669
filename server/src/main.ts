// ArgoVue's entry. Node's compile cache is turned on before any of the server's modules load (a static
// import would load them first): compiling and type-stripping them was about a third of the CPU a
// start took before ready (0.6 of 2.1 s on a loaded 2-core machine), and a restart on the same
// machine or in the same container reads them back instead. The cache is in the temp folder
// (NODE_COMPILE_CACHE chooses another; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./serve.ts');
