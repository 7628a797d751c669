import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  archiveCountSql,
  archiveLabelRunsSql,
  archiveListSql,
  containsPattern,
  labelMatchFor,
  type ArchiveListQuery,
} from './archive-sql.ts';

const scope = { clusterName: 'default', instanceId: '' };
const noLive = { namespaces: [], names: [], createdAts: [] };

function query(extra: Partial<ArchiveListQuery> = {}): ArchiveListQuery {
  return { namespaces: ['team-a'], filter: {}, sort: '-createdAt', live: noLive, ...extra };
}

describe('the archive list query', () => {
  it('holds every value given as a parameter, never in its text', () => {
    const hostile = "x'; DROP TABLE argo_archived_workflows; --";
    const sql = archiveListSql(
      scope,
      query({
        namespaces: [hostile],
        filter: {
          phases: ['Failed'],
          template: hostile,
          nameContains: hostile,
          labels: [[hostile, hostile]],
          createdSince: 0,
        },
        live: { namespaces: [hostile], names: [hostile], createdAts: ['2026-12-04T10:00:00Z'] },
      }),
      0,
      50,
    );
    assert.ok(sql !== undefined);
    assert.ok(!sql.text.includes('DROP'));
    const placeholders = new Set(sql.text.match(/\$\d+/g));
    assert.equal(placeholders.size, sql.values.length);
  });

  it('scopes every query to the cluster, instance and the namespaces given', () => {
    const sql = archiveCountSql(scope, query(), 100);
    assert.ok(sql !== undefined);
    assert.match(
      sql.text,
      /a\.clustername = \$1\s+AND a\.instanceid = \$2\s+AND a\.namespace = ANY\(\$3::text\[\]\)/,
    );
    assert.deepEqual(sql.values, ['default', '', ['team-a'], 101]);
  });

  it('matches nothing for a filter on one of Argo’s bookkeeping labels, as the live list', () => {
    const filter = { labels: [['workflows.argoproj.io/phase', 'Failed']] as const };
    assert.equal(archiveListSql(scope, query({ filter }), 0, 10), undefined);
  });

  it('takes %, _ and \\ in a name search literally', () => {
    assert.equal(containsPattern('a%b_c\\d'), '%a\\%b\\_c\\\\d%');
  });

  it('reads a label filter as a set that is not tied to each run, every value a parameter', () => {
    const hostile = "x'; DROP TABLE argo_archived_workflows; --";
    const sql = archiveListSql(
      scope,
      query({ filter: { labels: [[hostile, hostile]] }, labelMatch: 'set' }),
      0,
      51,
    );
    assert.ok(sql !== undefined);
    assert.ok(!sql.text.includes('DROP'));
    // Correlated with the run (a.uid, a.clustername), the IN could not be hashed once for all runs.
    assert.match(
      sql.text,
      /\(a\.uid IN \(SELECT l\.uid FROM argo_archived_workflows_labels l WHERE l\.clustername = \$\d+ /,
    );
    assert.doesNotMatch(sql.text, /EXISTS \(SELECT 1 FROM argo_archived_workflows_labels/);
    assert.equal(new Set(sql.text.match(/\$\d+/g)).size, sql.values.length);
    const runs = archiveLabelRunsSql(scope, [[hostile, hostile]], 100);
    assert.ok(!runs.text.includes('DROP'));
    assert.deepEqual(runs.values, ['default', [hostile], [hostile], 101]);
  });

  it('counts a label filter by lookups, whatever the page reads', () => {
    const sql = archiveCountSql(
      scope,
      query({ filter: { labels: [['team', 't7']] }, labelMatch: 'set' }),
      10,
    );
    assert.ok(sql !== undefined);
    assert.match(sql.text, /EXISTS \(SELECT 1 FROM argo_archived_workflows_labels l/);
  });

  it('matches a rare or a very common label by lookup, one between by set', () => {
    assert.equal(labelMatchFor(0), 'lookup');
    assert.equal(labelMatchFor(1_000), 'lookup');
    assert.equal(labelMatchFor(1_001), 'set');
    assert.equal(labelMatchFor(100_000), 'set');
    assert.equal(labelMatchFor(100_001), 'lookup');
  });
});
