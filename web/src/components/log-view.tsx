import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { highlightSegments, type LogMatch } from '../lib/log-search.ts';
import { visibleWindow } from '../lib/virtual-window.ts';

/** Must match `.log-line` in app.css. */
export const LOG_LINE_HEIGHT = 18;

interface LogViewProps {
  label: string;
  lines: readonly string[];
  /** Changes whenever `lines` grew in place. */
  version: number;
  /** Text to highlight; '' for none. */
  needle: string;
  /** The match to scroll to and mark as current. */
  current: LogMatch | null;
  /** Keep the newest line in view while the user has not scrolled up. */
  stickToBottom: boolean;
}

function Line({
  text,
  index,
  needle,
  current,
}: {
  text: string;
  index: number;
  needle: string;
  current: LogMatch | null;
}) {
  if (needle === '') return <div className="log-line">{text === '' ? ' ' : text}</div>;
  let offset = 0;
  const parts: ReactNode[] = [];
  for (const [i, segment] of highlightSegments(text, needle).entries()) {
    const isCurrent = segment.match && current?.line === index && current.start === offset;
    parts.push(
      segment.match ? (
        <mark key={i} className={isCurrent ? 'current' : undefined}>
          {segment.text}
        </mark>
      ) : (
        segment.text
      ),
    );
    offset += segment.text.length;
  }
  return <div className="log-line">{text === '' ? ' ' : parts}</div>;
}

/**
 * A log as fixed-height lines, only those in view rendered (100,000 lines cost what 50 do). Sizes are
 * set through refs: the CSP allows no inline style attributes.
 */
export function LogView({ label, lines, version, needle, current, stickToBottom }: LogViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const topSpacer = useRef<HTMLDivElement>(null);
  const bottomSpacer = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(400);

  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    setViewportHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const rowCount = lines.length;
  const slice = visibleWindow({
    scrollTop,
    viewportHeight,
    rowHeight: LOG_LINE_HEIGHT,
    rowCount,
    overscan: 20,
  });

  useLayoutEffect(() => {
    if (topSpacer.current) topSpacer.current.style.height = `${slice.padTop}px`;
    if (bottomSpacer.current) bottomSpacer.current.style.height = `${slice.padBottom}px`;
  }, [slice.padTop, slice.padBottom]);

  // New lines: follow them when the user was at the end.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null || !stickToBottom || !atBottom.current) return;
    const bottom = Math.max(0, element.scrollHeight - element.clientHeight);
    if (element.scrollTop < bottom) {
      element.scrollTop = bottom;
      setScrollTop(bottom);
    }
  }, [version, rowCount, stickToBottom]);

  // A new current match: bring its line to the middle, then its mark into view sideways.
  // Keyed by position, not identity: a search re-run on new lines must not jump back to the match.
  const currentLine = current?.line ?? -1;
  const currentStart = current?.start ?? -1;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null || currentLine < 0) return;
    const top = Math.max(0, currentLine * LOG_LINE_HEIGHT - element.clientHeight / 2);
    element.scrollTop = top;
    atBottom.current = false;
    setScrollTop(element.scrollTop);
  }, [currentLine, currentStart]);
  useEffect(() => {
    if (currentLine < 0) return;
    scroller.current?.querySelector('mark.current')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [currentLine, currentStart]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (element === null) return;
    setScrollTop(element.scrollTop);
    atBottom.current = element.scrollTop + element.clientHeight >= element.scrollHeight - LOG_LINE_HEIGHT;
  }, []);

  const rendered: ReactNode[] = [];
  for (let i = slice.first; i < slice.end; i++) {
    rendered.push(<Line key={i} text={lines[i] ?? ''} index={i} needle={needle} current={current} />);
  }

  return (
    <div className="log-view" ref={scroller} onScroll={onScroll} role="log" aria-label={label} tabIndex={0}>
      <div className="log-lines">
        <div ref={topSpacer} aria-hidden="true" />
        {rendered}
        <div ref={bottomSpacer} aria-hidden="true" />
      </div>
    </div>
  );
}
