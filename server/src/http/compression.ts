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

/** Route options of a route whose body is a live stream: never compressed. */
export const streamed = { compress: false } as const;

/** Register before the routes: the plugin adds its hook to routes declared after it. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    customTypes: compressible,
    encodings: ['br', 'gzip'],
    // Measured on list JSON: Brotli quality 1 is as small as 4 and twice as fast; gzip level 1 is
    // within 4% of level 6 in size at half the time.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    threshold: 1024,
    // Request bodies are small JSON: no compressed uploads (one less way to make us inflate a bomb).
    globalDecompression: false,
  });
}
