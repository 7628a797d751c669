// ArgoVue's indexes on Argo's archive tables, one for each filter and order of the list that Argo's
// own indexes do not serve (Argo's: namespace with startedat, finishedat, name, creationtimestamp,
// labels by name and value — persist/sqldb/migrate.go). An index replaced by a better one is dropped
// once its successor is there (`retiredArchiveIndexes`), so the controller's writes keep no dead one. Idempotent: each is made only when missing,
// concurrently (the controller keeps archiving meanwhile), under an advisory lock (one replica at a
// time). Index DDL needs the table's owner: ArgoVue's role reads with SELECT only and, when it is a
// member of the owner role, takes that role for this and nothing else (SET ROLE); without it, reads
// work, slower, and the log says what to grant.
import type pg from 'pg';
import { durationExpression, templateExpression } from './archive-sql.ts';

/** An expression of the list's query as an index names it (without the query's table alias). */
const unaliased = (expression: string): string => expression.replace(/\ba\./g, '');

interface ArchiveIndex {
  name: string;
  /** What it is for, in the log. */
  serves: string;
  definition: string;
  /** An extension it needs (pg_trgm is a trusted extension: the database owner may create it). */
  extension?: string;
}

export const archiveIndexes: readonly ArchiveIndex[] = [
  {
    // The name beside the phase: a phase + name count is read from the index alone (no row visited).
    name: 'argovue_archived_workflows_phase_name',
    serves: 'the phase filter (with namespace, newest first; with the name, counted from the index)',
    definition:
      'argo_archived_workflows (clustername, instanceid, phase, namespace, creationtimestamp DESC) INCLUDE (name)',
  },
  {
    // Argo's labels_i1 (name, value) holds no uid: each match cost a visit to the labels table. With
    // the uid in the index, a label filter's lookups and its set of runs are read from the index alone.
    name: 'argovue_archived_workflows_labels_uid',
    serves: 'the label filter',
    definition: 'argo_archived_workflows_labels (name, value, clustername, uid)',
  },
  {
    name: 'argovue_archived_workflows_name_trgm',
    serves: 'the name filter (any part of the name, any case)',
    definition: 'argo_archived_workflows USING gin (name gin_trgm_ops)',
    extension: 'pg_trgm',
  },
  {
    name: 'argovue_archived_workflows_template',
    serves: 'the template filter',
    definition: `argo_archived_workflows ((${unaliased(templateExpression)}))`,
  },
  {
    name: 'argovue_archived_workflows_name_order',
    serves: 'the order by name',
    definition: 'argo_archived_workflows (namespace COLLATE "C", name COLLATE "C")',
  },
  {
    name: 'argovue_archived_workflows_duration',
    serves: 'the order by duration (longest first)',
    definition: `argo_archived_workflows ((${unaliased(durationExpression)}) DESC, namespace COLLATE "C", name COLLATE "C")`,
  },
];

/** The channel ArgoVue's trigger notifies, with "<INSERT|UPDATE|DELETE> <clustername> <uid>" for each run. */
export const archiveChannel = 'argovue_archive';
export const archiveTrigger = 'argovue_archive_changed';

// One notification per run written or deleted, sent by PostgreSQL when the controller's transaction
// commits (none if it rolls back), for the archive's window (archive-window.ts). It adds a
// pg_notify to each archived run's write; it has no exception handler on purpose: one would make a
// subtransaction of every row a bulk delete (the archive's TTL) deletes. It would fail only with a
// full notification queue (8 GB by default), which a listener that reads does not let happen.
const triggerFunction = `CREATE OR REPLACE FUNCTION ${archiveTrigger}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('${archiveChannel}', 'DELETE ' || OLD.clustername || ' ' || OLD.uid);
  ELSE
    PERFORM pg_notify('${archiveChannel}', TG_OP || ' ' || NEW.clustername || ' ' || NEW.uid);
  END IF;
  RETURN NULL;
END
$body$`;
const triggerDefinition =
  `CREATE TRIGGER ${archiveTrigger} AFTER INSERT OR UPDATE OR DELETE ON argo_archived_workflows ` +
  `FOR EACH ROW EXECUTE FUNCTION ${archiveTrigger}()`;

/** Whether ArgoVue's trigger is on Argo's archive table, and on (`ALTER TABLE … DISABLE TRIGGER` turns it off). */
export async function archiveTriggerState(
  db: Pick<pg.Pool, 'query'>,
): Promise<'missing' | 'disabled' | 'enabled'> {
  const found = await db.query<{ enabled: boolean }>(
    "SELECT tgenabled <> 'D' AS enabled FROM pg_trigger WHERE tgname = $1 AND tgrelid = to_regclass('argo_archived_workflows')",
    [archiveTrigger],
  );
  const trigger = found.rows[0];
  return trigger === undefined ? 'missing' : trigger.enabled ? 'enabled' : 'disabled';
}

/** ArgoVue's indexes that a later one above replaces: dropped when that one is made. */
export const retiredArchiveIndexes: readonly string[] = ['argovue_archived_workflows_phase'];

// Any fixed number: it only has to be the same in every replica.
const migrationLock = 7_451_117_203;

/** True when done (or nothing can be done); false when Argo's tables do not exist yet (try later). */
export async function migrateArchiveIndexes(pool: pg.Pool, log: (message: string) => void): Promise<boolean> {
  const client = await pool.connect();
  let fault: Error | undefined;
  try {
    const owner = await client.query<{ owner: string }>(
      "SELECT tableowner AS owner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'argo_archived_workflows'",
    );
    const tableOwner = owner.rows[0]?.owner;
    if (tableOwner === undefined) return false;
    const existing = await client.query<{ name: string; valid: boolean }>(
      'SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid ' +
        'WHERE c.relname = ANY($1::text[])',
      [[...archiveIndexes.map((index) => index.name), ...retiredArchiveIndexes]],
    );
    const valid = new Set(existing.rows.filter((r) => r.valid).map((r) => r.name));
    const missing = archiveIndexes.filter((index) => !valid.has(index.name));
    const retired = retiredArchiveIndexes.filter((name) => existing.rows.some((r) => r.name === name));
    const triggerMissing = (await archiveTriggerState(client)) === 'missing';
    if (missing.length === 0 && retired.length === 0 && !triggerMissing) return true;
    try {
      await client.query(`SET ROLE ${client.escapeIdentifier(tableOwner)}`);
    } catch (error) {
      if (missing.length === 0 && !triggerMissing) return true; // only an old index left over: harmless
      const absent = [
        ...missing.map((i) => i.name),
        ...(triggerMissing ? [`the trigger ${archiveTrigger}`] : []),
      ];
      log(
        `workflow archive: ArgoVue's indexes or trigger are missing (${absent.join(', ')}) and cannot be made: ` +
          `its database role may not act as ${tableOwner}, the tables' owner (${String(error)}). ` +
          `Grant it (GRANT ${tableOwner} TO <ArgoVue's role>) or make them as the README says; lists work without them, slower.`,
      );
      return true;
    }
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    try {
      for (const index of missing) {
        try {
          if (index.extension !== undefined)
            await client.query(`CREATE EXTENSION IF NOT EXISTS ${client.escapeIdentifier(index.extension)}`);
          // A concurrent build that failed leaves an invalid index behind: made again.
          if (existing.rows.some((r) => r.name === index.name))
            await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
          await client.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${index.name} ON ${index.definition}`);
          log(`workflow archive: made the index ${index.name} for ${index.serves}`);
        } catch (error) {
          log(
            `workflow archive: could not make the index ${index.name} for ${index.serves}: ${String(error)}`,
          );
        }
      }
      if (triggerMissing) {
        try {
          await client.query(triggerFunction);
          await client.query(triggerDefinition);
          log(
            `workflow archive: made the trigger ${archiveTrigger}, which keeps ArgoVue's window of the newest runs current`,
          );
        } catch (error) {
          log(
            `workflow archive: could not make the trigger ${archiveTrigger}: ${String(error)}; lists read PostgreSQL for every page`,
          );
        }
      }
      // Dropped only once every index is made: a replacement that failed leaves the old one serving.
      const made = await client.query<{ name: string }>(
        'SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid ' +
          'WHERE c.relname = ANY($1::text[]) AND i.indisvalid',
        [archiveIndexes.map((index) => index.name)],
      );
      if (made.rows.length === archiveIndexes.length) {
        for (const name of retired) {
          await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
          log(`workflow archive: dropped the index ${name}, replaced by a better one`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
    }
    return true;
  } catch (error) {
    fault = error instanceof Error ? error : new Error(String(error));
    throw fault;
  } finally {
    // The role taken for the DDL must not stay with a pooled connection: a failed one is discarded.
    if (fault === undefined) {
      await client.query('RESET ROLE').then(
        () => client.release(),
        (error: unknown) => client.release(error instanceof Error ? error : true),
      );
    } else {
      client.release(fault);
    }
  }
}
