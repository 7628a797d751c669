// Reads a Kubernetes List's JSON as it arrives, one item at a time, keeping only the fields asked for.
// A list of 20,000 workflows is ~61 MB of whole objects (status.nodes, spec.templates, managedFields);
// JSON.parse of a page makes every one of those objects only to drop them, and holding the body whole
// costs its size again. Here the bytes are scanned once (strings skipped with indexOf), only the picked
// fields of an item are cut out of the bytes, and JSON.parse sees those few hundred bytes per item.
// Nothing is kept beyond the item being read. The JSON is the apiserver's: the scanner trusts its
// syntax (a malformed body ends in a JSON.parse error of the item or the list's metadata).

/** What to keep of a value: all of it (`true`), or of an object only the named keys, each picked again. */
export type FieldPick = true | { readonly [key: string]: FieldPick };

export interface ListMetadata {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const comma = 0x2c;
const colon = 0x3a;

interface Frame {
  array: boolean;
  /** An object whose keys are picked: its kept `"key":value` parts are collected. */
  picking: { readonly [key: string]: FieldPick } | undefined;
  parts: string[];
  /** Inside an object: the next string is a key. */
  expectKey: boolean;
  key: string;
  /** What to keep of the current key's value (undefined: nothing). */
  keyPick: FieldPick | undefined;
  /** Where the current kept value starts (absolute offset), or -1. */
  valueStart: number;
  /** The current value's text when it was a picked object (built from its parts). */
  rendered: string | undefined;
  /** The list's `items` array: each element is an item. */
  items: boolean;
  /** An item of the list. */
  item: boolean;
  /** In a frame that keeps nothing of its own: containers open inside it, counted, not framed. */
  nested: number;
}

function frame(array: boolean, picking: Frame['picking'], extra: Partial<Frame> = {}): Frame {
  return {
    array,
    picking,
    parts: [],
    expectKey: !array,
    key: '',
    keyPick: undefined,
    valueStart: -1,
    rendered: undefined,
    items: false,
    item: false,
    nested: 0,
    ...extra,
  };
}

// The list object itself: its metadata is kept, `items` is read item by item.
const itemsMarker: FieldPick = { '': true };
const listPick: FieldPick = { metadata: true, items: itemsMarker };

/**
 * Calls `onItem` with each item of the list (only its `pick`ed fields) as the body arrives, and
 * resolves to the list's metadata (its resourceVersion and continue token) once the body has ended.
 */
export async function readList(
  body: AsyncIterable<Buffer | string>,
  pick: FieldPick,
  onItem: (item: unknown) => void,
): Promise<ListMetadata> {
  let buf: Buffer = Buffer.alloc(0);
  // Absolute offset of buf[0] in the body.
  let base = 0;
  // Next absolute offset to scan.
  let at = 0;
  const stack: Frame[] = [];
  let metadata: ListMetadata | undefined;

  const text = (start: number, end: number): string => buf.toString('utf8', start - base, end - base).trim();

  const endValue = (top: Frame, end: number): void => {
    if (top.keyPick !== undefined && top.valueStart >= 0) {
      const value = top.rendered ?? text(top.valueStart, end);
      top.parts.push(`${JSON.stringify(top.key)}:${value}`);
    }
    top.valueStart = -1;
    top.rendered = undefined;
    top.keyPick = undefined;
  };

  const open = (array: boolean): void => {
    const parent = stack.at(-1);
    if (parent === undefined) {
      stack.push(frame(array, array ? undefined : (listPick as Frame['picking'])));
      return;
    }
    if (parent.items) {
      // An item: picked as asked (all of it: its text is cut out whole).
      const picking = pick === true || array ? undefined : pick;
      stack.push(frame(array, picking, { item: true, valueStart: at }));
      return;
    }
    const keyPick = parent.picking === undefined ? undefined : parent.keyPick;
    if (keyPick === itemsMarker && array) {
      parent.keyPick = undefined;
      parent.valueStart = -1;
      stack.push(frame(true, undefined, { items: true }));
      return;
    }
    const picking = keyPick !== undefined && keyPick !== true && !array ? keyPick : undefined;
    stack.push(frame(array, picking));
  };

  const close = (end: number): void => {
    const top = stack.pop();
    if (top === undefined) return;
    if (top.picking !== undefined && !top.array) endValue(top, end);
    const parent = stack.at(-1);
    if (top.item) {
      const json = top.picking === undefined ? text(top.valueStart, end + 1) : `{${top.parts.join(',')}}`;
      onItem(JSON.parse(json));
      return;
    }
    if (parent === undefined) {
      // The list object: its kept parts are its metadata.
      const list = JSON.parse(`{${top.parts.join(',')}}`) as { metadata?: ListMetadata };
      metadata = list.metadata ?? {};
      return;
    }
    if (top.picking !== undefined) parent.rendered = `{${top.parts.join(',')}}`;
  };

  /** Scans buf from `at`; stops early (leaving `at` on it) at a string not yet whole. */
  const scan = (): void => {
    const b = buf;
    const length = b.length;
    let i = at - base;
    let top = stack.at(-1);
    while (i < length) {
      if (top !== undefined && top.picking === undefined && !top.items) {
        // Nothing of this value is picked apart (a skipped field, a field kept whole, an item kept
        // whole): only its end matters, so strings and nesting are all that is looked at here. Most
        // of a workflow's bytes (status.nodes, spec.templates, managedFields) go through this loop.
        let nested = top.nested;
        while (i < length) {
          const c = b[i];
          if (c === quote) {
            let j = i + 1;
            while (j < length) {
              const d = b[j];
              if (d === quote) break;
              j += d === backslash ? 2 : 1;
            }
            if (j >= length) break;
            i = j + 1;
            continue;
          }
          if (c === openBrace || c === openBracket) nested++;
          else if (c === closeBrace || c === closeBracket) {
            if (nested === 0) break;
            nested--;
          }
          i++;
        }
        top.nested = nested;
        if (i >= length || b[i] === quote) break;
        close(i + base);
        top = stack.at(-1);
        i++;
        continue;
      }
      const c = b[i];
      if (c === quote) {
        // A plain loop beats indexOf here: most strings are a few bytes long.
        let j = i + 1;
        while (j < length) {
          const d = b[j];
          if (d === quote) break;
          j += d === backslash ? 2 : 1;
        }
        if (j >= length) break;
        if (top !== undefined && top.expectKey && top.picking !== undefined) {
          const raw = b.toString('utf8', i + 1, j);
          top.key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          top.keyPick = Object.hasOwn(top.picking, top.key) ? top.picking[top.key] : undefined;
          top.expectKey = false;
        }
        i = j + 1;
        continue;
      }
      if (c === openBrace || c === openBracket) {
        at = i + base;
        open(c === openBracket);
        top = stack.at(-1);
      } else if (c === closeBrace || c === closeBracket) {
        close(i + base);
        top = stack.at(-1);
      } else if (top !== undefined && !top.array) {
        if (c === colon) {
          if (top.keyPick !== undefined && top.keyPick !== itemsMarker) top.valueStart = i + base + 1;
        } else if (c === comma) {
          if (top.picking !== undefined) endValue(top, i + base);
          top.expectKey = true;
        }
      }
      i++;
    }
    at = i + base;
  };

  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // Keep only what an open value still needs: from the earliest start of a kept value, or `at`.
    let keep = at;
    for (const f of stack) if (f.valueStart >= 0 && f.valueStart < keep) keep = f.valueStart;
    buf = keep - base < buf.length ? Buffer.concat([buf.subarray(keep - base), bytes]) : bytes;
    base = keep;
    scan();
  }
  if (metadata === undefined || stack.length > 0) throw new Error('the list ended before its end');
  return metadata;
}
