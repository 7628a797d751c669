import { useEffect, useState } from 'react';
import { lineNumbers } from '../lib/text-shorten.ts';

type Rendered =
  { state: 'rendering' } | { state: 'ready'; text: string; numbers: string } | { state: 'failed' };

/**
 * An object as YAML, rendered once into a <pre> (with a gutter of line numbers as one text node), so a
 * large object costs one string and two DOM nodes, not a node per line. The YAML library is loaded on
 * first use: a page that never shows YAML does not download it.
 */
export function ObjectYaml({ object, label }: { object: unknown; label: string }) {
  const [rendered, setRendered] = useState<Rendered>({ state: 'rendering' });
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    let live = true;
    import('yaml').then(
      ({ stringify }) => {
        // lineWidth 0: long strings stay on one line, as kubectl prints them; aliasDuplicateObjects off,
        // so repeated values are written out, never as &anchors a reader must follow.
        const text = stringify(object, { lineWidth: 0, aliasDuplicateObjects: false });
        if (live) setRendered({ state: 'ready', text, numbers: lineNumbers(text) });
      },
      () => live && setRendered({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [object]);
  if (rendered.state === 'rendering') return <p className="muted">Rendering YAML…</p>;
  if (rendered.state === 'failed')
    return (
      <p className="panel panel-error" role="alert">
        The YAML view could not be loaded; reload the page.
      </p>
    );
  const copy = () => {
    navigator.clipboard.writeText(rendered.text).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="object-yaml">
      <div className="object-yaml-toolbar">
        <button type="button" className="button" onClick={copy}>
          Copy YAML
        </button>
        <span className="muted small" role="status">
          {copied === 'copied' && 'Copied to the clipboard.'}
          {copied === 'failed' && 'The browser did not allow copying; select the text instead.'}
        </span>
      </div>
      <div className="object-yaml-body">
        <pre className="object-yaml-lines" aria-hidden="true">
          {rendered.numbers}
        </pre>
        <pre
          className="object-yaml-text"
          aria-label={label}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable and scrolled by keyboard too (WCAG 2.1.1, axe's scrollable-region-focusable)
          tabIndex={0}
        >
          {rendered.text}
        </pre>
      </div>
    </div>
  );
}
