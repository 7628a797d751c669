// A streamed response body that ArgoVue can end on its own with a last line saying why (the
// session ended, access was lost), so the browser sees a finished log and the reason, not a broken
// connection. The source's bytes pass through as they come.
import { PassThrough, type Readable } from 'node:stream';

export interface EndableBody {
  body: PassThrough;
  /** Stops taking the source's bytes, ends the body with `line` (on a line of its own) and destroys the source. */
  endWith: (line: string) => void;
}

const newline = 0x0a;

export function endableBody(source: Readable): EndableBody {
  const body = new PassThrough();
  let endsLine = true;
  let ended = false;
  // The source breaking (the apiserver went away) breaks the body, as it would have unwrapped.
  source.on('error', (error) => {
    if (!ended) body.destroy(error);
  });
  source.pipe(body);
  source.on('data', (chunk: Buffer) => {
    if (chunk.length > 0) endsLine = chunk[chunk.length - 1] === newline;
  });
  return {
    body,
    endWith: (line) => {
      if (ended) return;
      ended = true;
      source.unpipe(body);
      source.destroy();
      body.end(`${endsLine ? '' : '\n'}${line}\n`);
    },
  };
}
