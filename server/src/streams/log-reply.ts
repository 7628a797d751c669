// A pod's log as a route's answer, one way for every log route (a workflow node's, a service
// instance's): counted against the user's live streams before the apiserver is asked (past a cap
// the answer is a plain 429), released when the client goes, and, once the body streams, ended by
// the registry (the session ended, access was lost) with a last line saying why.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { endableBody } from './endable-body.ts';
import { endMessage, type OpenStreams, type StreamRegistration } from './open-streams.ts';

export interface OpenedLog {
  stream: Readable;
  pod: string;
}

export async function replyWithLog(
  reply: FastifyReply,
  streams: OpenStreams,
  /** Whose stream, and how to check it may go on. */
  who: Pick<StreamRegistration, 'user' | 'session' | 'recheck'>,
  open: (signal: AbortSignal) => Promise<OpenedLog>,
  /** Headers of the caller's own (a download's file name), from what was opened. */
  headers: (log: OpenedLog) => Record<string, string> = () => ({}),
): Promise<FastifyReply> {
  const abort = new AbortController();
  // Once the body streams, an end by authorization finishes it with a line saying why.
  const ending: { endWith?: (line: string) => void } = {};
  const handle = streams.open({
    ...who,
    slots: 1,
    end: (reason) => {
      if (ending.endWith === undefined) abort.abort();
      else ending.endWith(`… [log stream ended: ${endMessage(reason)}]`);
    },
  });
  reply.raw.on('close', () => {
    abort.abort();
    handle.release();
  });
  let log;
  try {
    log = await open(abort.signal);
  } catch (error) {
    handle.release();
    throw error;
  }
  const endable = endableBody(log.stream);
  ending.endWith = (line) => {
    endable.endWith(line);
    abort.abort();
  };
  reply.header('Content-Type', 'text/plain; charset=utf-8');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-ArgoVue-Pod', log.pod);
  for (const [name, value] of Object.entries(headers(log))) reply.header(name, value);
  return reply.send(endable.body);
}
