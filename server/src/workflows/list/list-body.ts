// A page of a list kept compressed while its snapshot lives: the pages of one list (20 of 1,000 rows
// for 20,000 workflows) asked again — by every tab, every reload, the next client — are sent as
// they were compressed the first time, not concatenated and compressed again. A snapshot's rows
// never change (list-snapshots.ts), so a page of it, with its tail, is the same bytes until a change
// makes a new snapshot and the old one and its pages are let go.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { brotliOptions, compressionThreshold, zlibOptions } from '../../http/compression.ts';

export type ListEncoding = 'br' | 'gzip';

// What one snapshot keeps, bounded: a client paging by one row through 20,000 would otherwise keep
// 20,000 pages, and one asking every offset of a whole list in pages of 1,000 its megabytes. All of
// a list of 20,000 varied rows in pages of 1,000 is about 0.7 MB compressed per encoding, and up to
// 32 snapshots live at once (list-snapshots.ts): at most 32 MB kept.
const maxPagesPerSnapshot = 256;
const maxBytesPerSnapshot = 1024 * 1024;

interface KeptPages {
  pages: Map<string, Buffer | string>;
  bytes: number;
}

/** A list's JSON, made when asked; kept only compressed (a few KB a page, not its 80–230 KB). */
export class ListBody {
  readonly #make: () => string;
  readonly #kept: KeptPages;
  readonly #key: string;

  constructor(make: () => string, kept: KeptPages = { pages: new Map(), bytes: 0 }, key = '') {
    this.#make = make;
    this.#kept = kept;
    this.#key = key;
  }

  json(): string {
    return this.#make();
  }

  /** The body in `encoding`, or as JSON when it is too small to be worth compressing. */
  encoded(encoding: ListEncoding): { body: Buffer; encoding: ListEncoding } | { body: string } {
    const key = `${encoding} ${this.#key}`;
    let kept = this.#kept.pages.get(key);
    if (kept === undefined) {
      const json = this.#make();
      kept =
        json.length < compressionThreshold
          ? json
          : encoding === 'br'
            ? // The size told: Brotli then sizes its window and tables to the page (7 KB in 50 µs, not 80).
              brotliCompressSync(json, {
                params: { ...brotliOptions.params, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
              })
            : gzipSync(json, zlibOptions);
      const { pages } = this.#kept;
      if (pages.size < maxPagesPerSnapshot && this.#kept.bytes + kept.length <= maxBytesPerSnapshot) {
        pages.set(key, kept);
        this.#kept.bytes += kept.length;
      }
    }
    return typeof kept === 'string' ? { body: kept } : { body: kept, encoding };
  }
}

const pagesOf = new WeakMap<object, KeptPages>();

/** A page of the snapshot `rows` (the shared array of list-snapshots.ts), named by `key`. */
export function snapshotPage(rows: readonly unknown[], key: string, make: () => string): ListBody {
  let kept = pagesOf.get(rows);
  if (kept === undefined) pagesOf.set(rows, (kept = { pages: new Map(), bytes: 0 }));
  return new ListBody(make, kept, key);
}

const mergedPagesOf = new WeakMap<object, WeakMap<object, KeptPages>>();

/**
 * A page made of two arrays that do not change — a live snapshot and a reused page of archived rows
 * (archive/merged-list.ts) — kept compressed while both live, named by `key`.
 */
export function mergedPage(
  live: readonly unknown[],
  archived: readonly unknown[],
  key: string,
  make: () => string,
): ListBody {
  let byArchived = mergedPagesOf.get(live);
  if (byArchived === undefined) mergedPagesOf.set(live, (byArchived = new WeakMap()));
  let kept = byArchived.get(archived);
  if (kept === undefined) byArchived.set(archived, (kept = { pages: new Map(), bytes: 0 }));
  return new ListBody(make, kept, key);
}
