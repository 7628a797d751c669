import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mergedPage, snapshotPage } from './list-body.ts';

const bigJson = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => `row-${i}`) });

describe('a list page kept compressed with its snapshot', () => {
  it('is made and compressed once per encoding, then sent as it was', () => {
    const snapshot: unknown[] = [];
    let made = 0;
    const page = () =>
      snapshotPage(snapshot, 'compact 0 1000 {"total":1}', () => {
        made++;
        return bigJson;
      });
    const first = page().encoded('br');
    const again = page().encoded('br');
    assert.ok('encoding' in first && first.encoding === 'br');
    assert.equal(again.body, first.body, 'the same bytes, not compressed again');
    assert.equal(brotliDecompressSync(first.body).toString(), bigJson);
    const gzip = page().encoded('gzip');
    assert.equal(gunzipSync(gzip.body as Buffer).toString(), bigJson);
    assert.equal(made, 2);
  });

  it('is not shared by another snapshot or another page of the same one', () => {
    const [a, b] = [[], []];
    const one = snapshotPage(a, 'p1', () => bigJson).encoded('br');
    const other = snapshotPage(b, 'p1', () => `${bigJson} `).encoded('br');
    const next = snapshotPage(a, 'p2', () => `${bigJson}  `).encoded('br');
    assert.notEqual(one.body, other.body);
    assert.equal(brotliDecompressSync(next.body as Buffer).toString(), `${bigJson}  `);
  });

  it('goes out as JSON when it is too small to be worth compressing', () => {
    const small = snapshotPage([], 'p', () => '{"items":[],"total":0}').encoded('gzip');
    assert.deepEqual(small, { body: '{"items":[],"total":0}' });
  });

  it('keeps at most 256 pages of one snapshot (a client paging by one row)', () => {
    const snapshot: unknown[] = [];
    let made = 0;
    const page = (i: number) =>
      snapshotPage(snapshot, `p${i}`, () => {
        made++;
        return bigJson;
      }).encoded('br');
    for (let i = 0; i < 300; i++) page(i);
    page(0);
    page(299);
    assert.equal(made, 301, 'the first pages kept, the ones past the bound made again');
  });

  it('keeps at most 1 MB of one snapshot (a client asking every offset of a big list)', () => {
    const snapshot: unknown[] = [];
    // Random text compresses little: each page is some 170 KB gzipped.
    const incompressible = JSON.stringify(Array.from({ length: 20_000 }, () => Math.random().toString(36)));
    let made = 0;
    const page = (i: number) =>
      snapshotPage(snapshot, `p${i}`, () => {
        made++;
        return incompressible;
      }).encoded('gzip');
    for (let i = 0; i < 20; i++) page(i);
    made = 0;
    page(0);
    page(19);
    assert.equal(made, 1, 'the first pages kept, the one past the bound made again');
  });
});

describe('a page of live and archived rows kept compressed', () => {
  it('is the same bytes for the same live snapshot, archived page and key, and no other pair’s', () => {
    const live: unknown[] = [];
    const [aliceArchived, bobArchived] = [[], []];
    let made = 0;
    const page = (archived: unknown[], json: string) =>
      mergedPage(live, archived, 'compact  50 -createdAt {"total":3}', () => {
        made++;
        return json;
      }).encoded('br');
    const alice = page(aliceArchived, bigJson);
    assert.equal(page(aliceArchived, 'not made again').body, alice.body);
    assert.equal(made, 1);
    // Another user's namespaces read another archived page: never given alice's bytes.
    const bob = page(bobArchived, `${bigJson} `);
    assert.equal(brotliDecompressSync(bob.body as Buffer).toString(), `${bigJson} `);
    // Nor another live snapshot with alice's archived page.
    const other = mergedPage([], aliceArchived, 'compact  50 -createdAt {"total":3}', () => `${bigJson}  `);
    assert.equal(brotliDecompressSync(other.encoded('br').body as Buffer).toString(), `${bigJson}  `);
  });
});
