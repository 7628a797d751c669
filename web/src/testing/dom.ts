// Component tests: a DOM (happy-dom) in the test's process, and React rendering into it. Import this
// first in a *.test.tsx file; tests run with `--import ./web/src/testing/register-tsx.ts`.
import { window } from './dom-globals.ts';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

export interface Rendered {
  container: HTMLElement;
  rerender: (element: ReactNode) => Promise<void>;
  unmount: () => Promise<void>;
}

/** Renders `element` into a fresh container in the document, effects flushed. */
export async function render(element: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(element);
    await Promise.resolve();
  });
  return {
    container,
    rerender: async (next) => {
      await act(async () => {
        root?.render(next);
        await Promise.resolve();
      });
    },
    unmount: async () => {
      await act(async () => {
        root?.unmount();
        await Promise.resolve();
      });
      container.remove();
    },
  };
}

/** Runs `action` (a click, typing) inside act(), so React's updates and effects are applied. */
export async function interact(action: () => void | Promise<void>): Promise<void> {
  await act(async () => {
    await action();
  });
}

/** Types `text` into an input as a user would: React's onChange sees each new value. */
export function typeInto(input: HTMLInputElement, text: string): void {
  // React tracks the value it last saw; the native setter makes the change visible to it.
  Reflect.set(Object.getPrototypeOf(input) as object, 'value', text, input);
  input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
}

export function press(target: Element, key: string, options: { shiftKey?: boolean } = {}): void {
  target.dispatchEvent(
    new window.KeyboardEvent('keydown', { key, bubbles: true, ...options }) as unknown as KeyboardEvent,
  );
}

export function click(target: Element): void {
  (target as HTMLElement).click();
}

/** The one element matching `selector` in `root`; fails when there is none. */
export function one<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector(selector);
  if (found === null) throw new Error(`no element matches ${selector}`);
  return found as unknown as T;
}

/** The button whose text is `label`. */
export function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
  if (found === undefined) throw new Error(`no button "${label}"`);
  return found;
}
