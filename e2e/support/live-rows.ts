// The live workflow list as the browser keeps it (web/src/api/workflow-events.ts): list, then follow
// the stream from the list's eventId; a lost connection is opened again with the last event id seen
// (retrying while the server is away); `reset` means list again. The rows it ends with are what a
// browser would show, to compare with the apiserver's own list.
import type { WorkflowList, WorkflowRef, WorkflowRow } from '@argovue/api-types';
import type { ApiClient } from './api-client.ts';
import { SseReader, type SseEvent } from './sse.ts';

export class LiveRows {
  readonly rows = new Map<string, WorkflowRow>();
  /** What happened, for the test's assertions: resets, reconnects, event ids applied twice. */
  readonly seen = { resets: 0, connections: 0, repeatedIds: 0 };
  readonly #client: ApiClient;
  readonly #namespace: string;
  readonly #applied = new Set<string>();
  #lastId: string | undefined;
  #stopped = false;
  #stream: SseReader | undefined;
  #running: Promise<void> | undefined;

  constructor(client: ApiClient, namespace: string) {
    this.#client = client;
    this.#namespace = namespace;
  }

  start(): void {
    this.#running = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#stream?.close();
    await this.#running;
  }

  async #list(): Promise<void> {
    const { status, body } = await this.#client.json<WorkflowList>(
      `/api/v1/namespaces/${this.#namespace}/workflows?limit=1000`,
    );
    if (status !== 200) throw new Error(`the list answered ${status}`);
    this.rows.clear();
    for (const row of body.items) this.rows.set(row.name, row);
    this.#lastId = body.eventId;
    // Ids of another stream position are not repeats of these.
    this.#applied.clear();
  }

  #apply(event: SseEvent): void {
    if (event.id !== undefined) {
      if (event.event !== 'reset' && this.#applied.has(event.id)) this.seen.repeatedIds++;
      this.#applied.add(event.id);
      this.#lastId = event.id;
    }
    if (event.event === 'upsert') {
      const row = event.data as WorkflowRow;
      this.rows.set(row.name, row);
    } else if (event.event === 'delete') {
      this.rows.delete((event.data as WorkflowRef).name);
    }
  }

  /** Applies the stream's events in order until it ends or says `reset` (list and open again). */
  async #follow(stream: SseReader): Promise<'reset' | 'ended'> {
    let next = 0;
    for (;;) {
      await stream.waitFor('an event', () => stream.events.length > next, 3_600_000).catch(() => undefined);
      while (next < stream.events.length) {
        const event = stream.events[next++] as SseEvent;
        if (event.event === 'reset') {
          this.seen.resets++;
          return 'reset';
        }
        this.#apply(event);
      }
      if (stream.ended) return 'ended';
    }
  }

  async #run(): Promise<void> {
    let needList = true;
    while (!this.#stopped) {
      try {
        if (needList) await this.#list();
        needList = false;
        const res = await this.#client.fetch(
          `/api/v1/workflows/events?namespace=${this.#namespace}&lastEventId=${encodeURIComponent(this.#lastId ?? '')}`,
          { headers: { accept: 'text/event-stream' } },
        );
        if (res.status !== 200) {
          await res.arrayBuffer();
          throw new Error(`the stream answered ${res.status}`);
        }
        this.seen.connections++;
        const stream = new SseReader(res);
        this.#stream = stream;
        needList = (await this.#follow(stream)) === 'reset';
        await stream.close();
      } catch {
        // The server is away (restarting): try again shortly, as EventSource does.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
}
