// Argo's workflow archive, read through one pool of PostgreSQL connections (`pg`). It has no access
// control of its own: callers pass only namespaces Kubernetes lets the user list workflows in
// (archived-routes.ts, merged-list.ts), and every query names them.
import pg from 'pg';
import type { WorkflowRow } from '@argovue/api-types';
import type { Config } from '../config.ts';
import { archivedRow, type ArchivedRowRecord } from './archived-row.ts';
import { ArchiveWindow } from './archive-window.ts';
import {
  archiveCountSql,
  archiveLabelRunsSql,
  archiveListSql,
  archivedWorkflowSql,
  labelMatchFor,
  labelSetMax,
  type ArchiveListQuery,
  type ArchiveScope,
  type SqlQuery,
} from './archive-sql.ts';
import { migrateArchiveIndexes } from './archive-migration.ts';
import { queryKey, ReusedAnswers } from './reused-answers.ts';

/** Archived matches counted at most, for a list's total. */
export const archiveCountCap = 10_000;

/** How many archived runs match a query: `total`, or `archiveCountCap` when `capped` (more match). */
export interface ArchiveCount {
  total: number;
  capped: boolean;
}

export interface ArchivePage {
  /** The same array while the page is reused (merged-list.ts keeps its compressed page by it): never change it. */
  rows: readonly WorkflowRow[];
  /** More rows follow these (read with the page itself: exact whatever the count says). */
  more: boolean;
  /**
   * The matches in all when they were counted at most `ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS` ago: a
   * figure to show, never what paging relies on. Undefined when not counted lately: the page does not
   * wait for a count (it reads every match, up to the cap); `count()` gives it.
   */
  count: ArchiveCount | undefined;
}

/** Counts kept at most; the oldest go first. */
const countsKept = 1000;
/**
 * Pages kept at most, and their rows in all (a row and its JSON are about 1 KB: some 20 MB at most);
 * the oldest go first.
 */
const pagesKept = 1000;
const pageRowsKept = 20_000;
/**
 * How long how many runs carry a label is kept: it only chooses a label filter's plan (the rows are
 * the same either way) and changes as slowly as the archive grows, so a first look at a list with a
 * label asked for lately (by anyone: it holds no namespace) does not wait for it before its page.
 */
const labelRunsReuseMs = 10 * 60_000;

/** A page as read: its rows (the same array while it is reused) and whether more follow. */
interface ReadPage {
  rows: readonly WorkflowRow[];
  more: boolean;
}

// Argo replaces \u0000 in the JSON it stores, which PostgreSQL's jsonb cannot hold, by this marker
// (persist/sqldb/workflow_archive.go); it is put back when the object is read.
const nullReplacement = 'ARGO_POSTGRES_NULL_REPLACEMENT';

export class WorkflowArchive {
  readonly #pool: pg.Pool;
  readonly #scope: ArchiveScope;
  readonly #log: (message: string) => void;
  #migration: NodeJS.Timeout | undefined;
  #stopped = false;
  /**
   * Counts and pages by their query (SQL and every value, namespaces and live runs included:
   * reused-answers.ts): a count reads every match (up to the cap), so paging on, or the same list
   * opened again, reuses it for a few seconds; a page asked again in that time (another tab, the
   * same team's list, paging back) is the same rows, and costs no round trip to the database.
   */
  readonly #counts: ReusedAnswers<number>;
  readonly #pages: ReusedAnswers<ReadPage>;
  /** How many runs carry the rarest of some labels (a label filter's plan: `labelMatchFor`). */
  readonly #labelRuns = new ReusedAnswers<number>(labelRunsReuseMs, { maxEntries: countsKept });
  /** The newest archived runs, kept current by PostgreSQL's notifications (archive-window.ts); none when 0 are asked for. */
  readonly window: ArchiveWindow | undefined;

  constructor(config: Config, log: (message: string) => void) {
    this.#log = log;
    const reuseMs = config.archiveCountCacheSeconds * 1000;
    this.#counts = new ReusedAnswers(reuseMs, { maxEntries: countsKept });
    this.#pages = new ReusedAnswers(reuseMs, { maxEntries: pagesKept, maxWeight: pageRowsKept });
    this.#scope = { clusterName: config.archiveClusterName, instanceId: config.archiveInstanceId };
    const connection: pg.ClientConfig = {
      host: config.archiveHost,
      port: config.archivePort,
      database: config.archiveDatabase,
      user: config.archiveUser,
      password: config.archivePassword,
      ssl: sslOptions(config.archiveSslMode),
      application_name: 'argovue',
      // A database that does not answer is an answer (the list degrades to live rows), not a wait.
      connectionTimeoutMillis: 5000,
      statement_timeout: 15_000,
    };
    this.#pool = new pg.Pool({ ...connection, max: config.archivePoolSize, idleTimeoutMillis: 30_000 });
    // An idle connection the server drops emits 'error' on the pool; unhandled, it would end the process.
    this.#pool.on('error', (error) => log(`workflow archive: an idle connection failed: ${error.message}`));
    this.window =
      config.archiveWindowRuns === 0
        ? undefined
        : new ArchiveWindow({
            pool: this.#pool,
            connect: () => new pg.Client(connection),
            scope: this.#scope,
            capacity: config.archiveWindowRuns,
            log,
          });
  }

  /** Adds ArgoVue's indexes in the background; tried again while Argo has not made its tables yet. */
  startMigration(retryMs = 30_000): void {
    const attempt = (): void => {
      this.#migration = undefined;
      migrateArchiveIndexes(this.#pool, this.#log).then(
        (done) => {
          if (!done && !this.#stopped) this.#migration = setTimeout(attempt, retryMs).unref();
          // Once its trigger is there (or cannot be made: it then says so and answers nothing).
          if (done && !this.#stopped) this.window?.start();
        },
        (error: unknown) => {
          // The database may be down now: tried again later, as while Argo's tables are missing.
          this.#log(`workflow archive: the index migration failed: ${String(error)}`);
          if (!this.#stopped) this.#migration = setTimeout(attempt, retryMs).unref();
        },
      );
    };
    attempt();
  }

  /**
   * A page of archived rows (never one still live) in the list's order, whether more follow, and how
   * many match in all if that was counted lately. It does not count: `count()` does, when asked (the
   * web app asks right after the page; a client that never asks, a script paging on, costs no count).
   * Measured 2026-12-05 on the 2-core machine against counting beside the page or right after it
   * was sent: the page 0.5-4 ms sooner, the total no later (the count took the CPU the page's answer
   * and its reader needed).
   */
  async list(
    query: ArchiveListQuery,
    offset: number,
    limit: number,
    countCap = archiveCountCap,
  ): Promise<ArchivePage> {
    const none = { rows: [], more: false, count: { total: 0, capped: false } };
    if (query.namespaces.length === 0) return none;
    const countSql = archiveCountSql(this.#scope, query, countCap);
    if (countSql === undefined) return none;
    const countKey = queryKey(countSql);
    // A window holding the whole archive counts from memory too: the total comes with the page.
    const known = this.#counts.known(countKey) ?? this.window?.count(query, countCap);
    const count = known === undefined ? undefined : countOf(known, countCap);
    // The newest runs' pages from memory: no round trip, no plan to choose.
    const version = this.window?.version;
    if (version !== undefined && query.sort === '-createdAt') {
      // The same query of the same window is the same rows: the same array while reused (merged-list.ts
      // keeps their compressed page by it). Exact, whatever the reuse time: any change of the window
      // is another version.
      const key = `window ${version} ${offset} ${limit} ${countKey}`;
      const kept = this.#pages.known(key);
      if (kept !== undefined) return { ...kept, count };
      const newest = this.window?.page(query, offset, limit);
      if (newest !== undefined) {
        this.#pages.keep(key, newest, newest.rows.length);
        return { ...newest, count };
      }
    }
    const labels = query.filter.labels ?? [];
    const runsSql = labels.length === 0 ? undefined : archiveLabelRunsSql(this.#scope, labels, labelSetMax);
    const fewestRuns =
      runsSql === undefined
        ? 0
        : await this.#labelRuns.get(queryKey(runsSql), () => this.#read(runsSql, 'runs'));
    // One more row than the page: whether more follow is then known exactly, not from the count.
    const page = archiveListSql(
      this.#scope,
      { ...query, labelMatch: labelMatchFor(fewestRuns) },
      offset,
      limit + 1,
    );
    if (page === undefined) return none;
    const read = await this.#pages.get(
      queryKey(page),
      async () => {
        // Unnamed on purpose: named (prepared) statements, measured 2026-12-05, saved no clear time
        // (planning on a warm connection is 0.1-0.3 ms) and, once PostgreSQL switched to its generic
        // plan after five runs, took a phase + name page from 1 ms to 85-138 ms (the name pattern's
        // selectivity unknown to it).
        const result = await this.#pool.query<ArchivedRowRecord>(page.text, page.values);
        return { rows: result.rows.slice(0, limit).map(archivedRow), more: result.rows.length > limit };
      },
      (kept) => kept.rows.length,
    );
    return { rows: read.rows, more: read.more, count };
  }

  /** How many archived runs match `query` (up to the cap), as a list of it counts them. */
  async count(query: ArchiveListQuery, countCap = archiveCountCap): Promise<ArchiveCount> {
    if (query.namespaces.length === 0) return { total: 0, capped: false };
    const countSql = archiveCountSql(this.#scope, query, countCap);
    if (countSql === undefined) return { total: 0, capped: false };
    const counted = this.window?.count(query, countCap) ?? (await this.#countOf(countSql, 'total'));
    return countOf(counted, countCap);
  }

  /** The one number `query` answers (as `column`), reused when counted lately. */
  #countOf(query: SqlQuery, column: string): Promise<number> {
    return this.#counts.get(queryKey(query), () => this.#read(query, column));
  }

  async #read(query: SqlQuery, column: string): Promise<number> {
    const result = await this.#pool.query<Record<string, number>>(query.text, query.values);
    return result.rows[0]?.[column] ?? 0;
  }

  /** The archived object, whole; undefined when this namespace holds no run with that uid. */
  async get(namespace: string, uid: string): Promise<Record<string, unknown> | undefined> {
    const query = archivedWorkflowSql(this.#scope, namespace, uid);
    const result = await this.#pool.query<{ workflow: string }>(query.text, query.values);
    const text = result.rows[0]?.workflow;
    if (text === undefined) return undefined;
    const parsed = JSON.parse(text.replaceAll(nullReplacement, '\\u0000')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#migration !== undefined) clearTimeout(this.#migration);
    await this.window?.stop();
    await this.#pool.end();
  }
}

function countOf(counted: number, cap: number): ArchiveCount {
  return { total: Math.min(counted, cap), capped: counted > cap };
}

function sslOptions(mode: Config['archiveSslMode']): pg.PoolConfig['ssl'] {
  if (mode === 'disable') return false;
  // require: encrypted, the certificate not checked (libpq's meaning); verify-full: checked, with the name.
  return mode === 'require' ? { rejectUnauthorized: false } : { rejectUnauthorized: true };
}
