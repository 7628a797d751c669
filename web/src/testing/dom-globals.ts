// The DOM of component tests: happy-dom's window as the globals React and our components use. Its own
// module, imported before react-dom, because react-dom decides at load whether it runs in a browser.
import { Window } from 'happy-dom';

export const window = new Window({ url: 'http://argovue.test/' });
// The globals React and our components use, from happy-dom's window.
const globals = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'HTMLInputElement',
  'HTMLSelectElement',
  'HTMLButtonElement',
  'HTMLDialogElement',
  'Event',
  'KeyboardEvent',
  'MouseEvent',
  'InputEvent',
  'FocusEvent',
  'ResizeObserver',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;
for (const name of globals) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    writable: true,
    value: name === 'window' ? window : (window as unknown as Record<string, unknown>)[name],
  });
}
// Node has no reportError: an error handed to it fails the test (as an uncaught error would in a page).
Object.assign(globalThis, {
  reportError: (error: unknown) => {
    queueMicrotask(() => {
      throw error;
    });
  },
});
// React warns unless told that updates are wrapped in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
