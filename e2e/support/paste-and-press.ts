// Text put into a field and a key pressed in the same task, before the page's framework renders again:
// what a fast typist, a barcode scanner or a paste followed by Enter does to a page that defers work.
import type { Locator } from 'playwright-core';

interface PageInput {
  dispatchEvent: (event: unknown) => boolean;
}
/** The e2e project has no DOM types: the page's own constructors, typed as far as used here. */
interface PageGlobals {
  HTMLInputElement: { prototype: object };
  Event: new (type: string, init: object) => unknown;
  KeyboardEvent: new (type: string, init: object) => unknown;
}

export async function pasteAndPress(
  field: Locator,
  text: string,
  key: { key: string; shiftKey?: boolean },
): Promise<void> {
  await field.evaluate(
    (input: PageInput, { text, key }) => {
      const page = globalThis as unknown as PageGlobals;
      // React tracks the value it last saw: set it through the prototype's setter, as typing does.
      Object.getOwnPropertyDescriptor(page.HTMLInputElement.prototype, 'value')?.set?.call(input, text);
      input.dispatchEvent(new page.Event('input', { bubbles: true }));
      input.dispatchEvent(new page.KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }));
    },
    { text, key },
  );
}
