// The archive's window: its newest runs (newest-rows.ts), read once and then kept exact by
// PostgreSQL itself. ArgoVue's trigger on Argo's archive table (archive-migration.ts) sends a
// notification naming each run written or deleted, on commit; this connection listens for them and
// reads those runs again, one batch at a time in the order they came, so the window ends as the
// archive is. A first look at the newest runs of a list then costs no round trip to the database
// (measured: a round trip after idle costs the request ~2 ms of wake-ups on the 2-core machine).
// The window answers only while it can vouch for itself: listening, loaded after it began to
// listen, and the trigger in place; otherwise (a lost connection, until it is read again) it answers
// nothing and lists read PostgreSQL as before.
import pg from 'pg';
import { archivedRow, type ArchivedRowRecord } from './archived-row.ts';
import {
  archiveNewestSql,
  archiveRunsByUidSql,
  type ArchiveListQuery,
  type ArchiveScope,
} from './archive-sql.ts';
import { NewestRows, type NewestRun } from './newest-rows.ts';
import { archiveChannel, archiveTrigger, archiveTriggerState } from './archive-migration.ts';

export interface ArchiveWindowOptions {
  pool: pg.Pool;
  /** A connection of its own, which listens (not from the pool: it stays open). */
  connect: () => pg.Client;
  scope: ArchiveScope;
  capacity: number;
  log: (message: string) => void;
  /** The whole window is read again this often, whatever the notifications said. */
  reloadMs?: number;
}

type Change = { op: 'write' | 'delete'; uid: string };

/** A row as archiveNewestSql and archiveRunsByUidSql read it: the list's columns and its place in the order. */
type NewestRecord = ArchivedRowRecord & { created_ms: number | null };

/** Runs read again per query at most. */
const batchMax = 500;

export class ArchiveWindow {
  readonly #options: ArchiveWindowOptions;
  readonly #rows: NewestRows;
  #listener: pg.Client | undefined;
  /** Loaded since the listener began: the window may answer. */
  #current = false;
  #stopped = false;
  #pending: Change[] = [];
  /** An apply of the pending changes is queued and has not begun. */
  #applying = false;
  /** The one task at a time (a load, a batch of changes): each starts after the last one ended. */
  #chain: Promise<void> = Promise.resolve();
  #retryMs = 1000;
  #timer: NodeJS.Timeout | undefined;
  #reload: NodeJS.Timeout | undefined;
  #warnedNoTrigger = false;

  constructor(options: ArchiveWindowOptions) {
    this.#options = options;
    this.#rows = new NewestRows(options.capacity);
  }

  /** Begins listening and loading; tried again (1 s, doubling to 30 s) while it cannot. */
  start(): void {
    if (this.#stopped || this.#listener !== undefined) return;
    const listener = this.#options.connect();
    this.#listener = listener;
    const lost = (why: string): void => {
      if (this.#listener !== listener) return;
      this.#listener = undefined;
      this.#current = false;
      listener.removeAllListeners('notification');
      listener.end().catch(() => undefined);
      if (this.#stopped) return;
      this.#options.log(
        `workflow archive: its window stopped listening (${why}); lists read PostgreSQL meanwhile`,
      );
      this.#retry();
    };
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('the connection ended'));
    listener.on('notification', (message) => this.#noted(message.payload ?? ''));
    listener
      .connect()
      .then(() => listener.query(`LISTEN ${archiveChannel}`))
      .then(() => this.#enqueue(() => this.#load(listener)))
      .catch((error: unknown) => lost(error instanceof Error ? error.message : String(error)));
    this.#reload ??= setInterval(
      () => {
        const current = this.#listener;
        if (current !== undefined) this.#enqueue(() => this.#load(current));
      },
      this.#options.reloadMs ?? 10 * 60_000,
    ).unref();
  }

  /** Which state of the window pages are read from now (any change is another); undefined when it does not answer. */
  get version(): number | undefined {
    return this.#current ? this.#rows.version : undefined;
  }

  /** How many runs match (at most `cap + 1`) when the window is the whole archive; else undefined. */
  count(query: ArchiveListQuery, cap: number): number | undefined {
    return this.#current ? this.#rows.count(query, cap) : undefined;
  }

  /** A page of the default order read from the window; undefined when it cannot answer it. */
  page(query: ArchiveListQuery, offset: number, limit: number): ReturnType<NewestRows['page']> {
    return this.#current ? this.#rows.page(query, offset, limit) : undefined;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#current = false;
    clearTimeout(this.#timer);
    clearInterval(this.#reload);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.#chain;
  }

  #retry(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.start(), this.#retryMs).unref();
    this.#retryMs = Math.min(this.#retryMs * 2, 30_000);
  }

  #noted(payload: string): void {
    // "<op> <clustername> <uid>" (archive-migration.ts); another cluster's runs are not this window's.
    const [op, cluster, uid] = payload.split(' ');
    if (uid === undefined || cluster !== this.#options.scope.clusterName) return;
    this.#pending.push({ op: op === 'DELETE' ? 'delete' : 'write', uid });
    this.#applySoon();
  }

  /** Applies the changes noted, after the task now running (once: it takes all there are then). */
  #applySoon(): void {
    if (this.#applying || this.#pending.length === 0) return;
    this.#applying = true;
    this.#enqueue(() => this.#apply());
  }

  #enqueue(task: () => Promise<void>): void {
    this.#chain = this.#chain.then(task).catch((error: unknown) => {
      // A failed read leaves the window behind the archive: it stops answering until read again.
      this.#current = false;
      this.#options.log(`workflow archive: its window could not be kept current: ${String(error)}`);
      const listener = this.#listener;
      if (listener !== undefined && !this.#stopped)
        this.#timer = setTimeout(() => this.#enqueue(() => this.#load(listener)), 5000).unref();
    });
  }

  async #load(listener: pg.Client): Promise<void> {
    if (this.#listener !== listener) return;
    if ((await archiveTriggerState(this.#options.pool)) !== 'enabled') {
      // Without it no change would be noted: the window would fall behind unseen.
      if (!this.#warnedNoTrigger)
        this.#options.log(
          `workflow archive: the trigger ${archiveTrigger} is missing or disabled, so lists read PostgreSQL for every page (see the README's archive section)`,
        );
      this.#warnedNoTrigger = true;
      this.#current = false;
      if (!this.#stopped)
        this.#timer = setTimeout(() => this.#enqueue(() => this.#load(listener)), 30_000).unref();
      return;
    }
    // Changes noted before this read are in it: applying them again after it changes nothing.
    const started = performance.now();
    const query = archiveNewestSql(this.#options.scope, this.#options.capacity);
    const result = await this.#options.pool.query<NewestRecord>(query.text, query.values);
    if (this.#listener !== listener) return;
    this.#rows.replace(result.rows.map(newestRun));
    if (!this.#current) {
      const held = this.#rows.complete
        ? `all ${this.#rows.size} archived runs`
        : `the newest ${this.#rows.size} archived runs`;
      const ms = Math.round(performance.now() - started);
      this.#options.log(
        `workflow archive: its window holds ${held} (read in ${ms} ms); their pages are read from memory`,
      );
    }
    this.#current = true;
    this.#retryMs = 1000;
    // Changes left by a failed apply: read again above, and applied again (no harm) below.
    this.#applySoon();
  }

  async #apply(): Promise<void> {
    this.#applying = false;
    while (this.#pending.length > 0) {
      const changes = this.#pending.splice(0, batchMax);
      // In the order they came: a run deleted and written again (Argo archives a run once more so) ends written.
      const reread = [...new Set(changes.filter((c) => c.op === 'write').map((c) => c.uid))];
      const query = archiveRunsByUidSql(this.#options.scope, reread);
      const found =
        reread.length === 0
          ? []
          : (await this.#options.pool.query<NewestRecord>(query.text, query.values)).rows;
      const now = new Map(found.map((record) => [record.uid, newestRun(record)]));
      // The read is later than every change in the batch: what it found is the run now, absent is gone.
      for (const { uid } of changes) {
        const run = now.get(uid);
        if (run === undefined) this.#rows.remove(uid);
        else this.#rows.upsert(run);
      }
      // Deletions emptied much of it: read again, so that pages keep being answered from it.
      if (!this.#rows.complete && this.#rows.size < this.#rows.capacity / 2 && this.#listener !== undefined) {
        await this.#load(this.#listener);
      }
    }
  }
}

function newestRun(record: NewestRecord): NewestRun {
  return { uid: record.uid, createdMs: record.created_ms, row: archivedRow(record) };
}
