// Response compression for the API's JSON and the web app's text assets (@fastify/compress). A list
// of 20,000 rows is 5 MB of JSON and about a tenth of that compressed. Never for streams that must
// reach the browser as they are written, because a compressor holds lines back until its block
// fills: Server-Sent Events hijack the reply (no hook sees them), and a route that sends a stream
// through the reply (a followed log, text/plain) declares itself `streamed`.
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

const compressible =
  /^(?:application\/(?:json|javascript|manifest\+json)|text\/(?:html|css|javascript)|image\/svg\+xml)(?:;|$)/;

// Measured on 1,000 varied list rows (377 KB): Brotli 1 makes 35 KB in 0.7 ms, Brotli 4 31 KB in
// 1.9 ms; gzip 1 37 KB in 1.0 ms, gzip 6 32 KB in 2.5 ms. (Also used by list pages kept compressed,
// workflows/list/list-body.ts.)
export const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };
export const zlibOptions = { level: 1 };
/** Bodies smaller than this go out as they are. */
export const compressionThreshold = 1024;

/** Route options of a route whose body is a live stream: never compressed. */
export const streamed = { compress: false } as const;

/** Register before the routes: the plugin adds its hook to routes declared after it. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    customTypes: compressible,
    encodings: ['br', 'gzip'],
    brotliOptions,
    zlibOptions,
    threshold: compressionThreshold,
    // A page of 1,000 rows (~250 KB) compresses in about a millisecond at these levels: in one call
    // rather than through a stream and the thread pool (the plugin's default above 8 KiB on 2 cores).
    syncThreshold: 1024 * 1024,
    // Request bodies are small JSON: no compressed uploads (one less way to make us inflate a bomb).
    globalDecompression: false,
  });
}

/**
 * The encoding to answer with, of those ArgoVue makes (Brotli first, as the plugin prefers), from a
 * request's Accept-Encoding; undefined for none (absent, identity, or each refused with q=0).
 */
export function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const wildcard = accepted.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((name) => (accepted.get(name) ?? wildcard) > 0);
}
