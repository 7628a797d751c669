// `node --import ./web/src/testing/register-tsx.ts`: lets node:test load the web app's components, as
// Vite would. Node strips TypeScript types itself but not JSX: .tsx files go through the same oxc
// transform Vite uses (rolldown's, already here for the build); a stylesheet import is an empty module.
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/utils';

registerHooks({
  load(url, context, nextLoad) {
    if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
    if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
    const loaded = nextLoad(url, { ...context, format: 'module' });
    const source =
      typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
    const result = transformSync(fileURLToPath(url), source, { jsx: { runtime: 'automatic' } });
    if (result.errors.length > 0)
      throw new Error(`${url}: ${result.errors.map((e) => e.message).join('; ')}`);
    return { format: 'module', source: result.code, shortCircuit: true };
  },
});
