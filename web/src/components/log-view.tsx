import {
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { type LogBuffer, SOURCE_COLOURS } from '../lib/log-buffer.ts';
import { type LineOffsets, lineOffsets, logWindow } from '../lib/log-layout.ts';
import { useExtendedMemo } from './use-extended-memo.ts';
import { highlightSegments, type LogMatch } from '../lib/log-search.ts';
import './log-view.css';

/** Must match `.log-line` in log-view.css. */
export const LOG_LINE_HEIGHT = 18;
/** Widest source label, in characters; longer ones are cut with an ellipsis (the title has it whole). */
const MAX_SOURCE_WIDTH = 24;
/** An RFC 3339 time with nanoseconds, as the apiserver writes it, and a space. */
const TIME_WIDTH = 31;

interface LogViewProps {
  label: string;
  buffer: LogBuffer;
  /** The buffer's lines to show, in order; null for all of them. */
  rows: readonly number[] | null;
  /** Changes whenever the buffer or `rows` grew in place. */
  version: number;
  /** Text to highlight; '' for none. */
  needle: string;
  /** The match to scroll to and mark as current. */
  current: LogMatch | null;
  /** The user follows the log: keep the newest line in view until they scroll up. */
  follow: boolean;
  /** Lines may still arrive (a followed stream is open): offer to follow again after scrolling up. */
  live: boolean;
  wrap: boolean;
  showTime: boolean;
  showSource: boolean;
  /** Told the first row in view, so a new search can start from where the user is. */
  onTopRow?: (row: number) => void;
}

interface RowProps {
  text: string;
  lower: string;
  time: string;
  source: string;
  colour: number;
  needle: string;
  /** Offset of the current match in this line, or -1. */
  currentStart: number;
}

const LogRow = memo(function LogRow({ text, lower, time, source, colour, needle, currentStart }: RowProps) {
  let body: ReactNode = text === '' ? ' ' : text;
  if (needle !== '' && text !== '') {
    body = highlightSegments(text, lower, needle).map((segment) =>
      segment.match ? (
        <mark key={segment.start} className={segment.start === currentStart ? 'current' : undefined}>
          {segment.text}
        </mark>
      ) : (
        segment.text
      ),
    );
  }
  return (
    <div className="log-line">
      {time !== '' && <span className="log-time">{time}</span>}
      {source !== '' && (
        <span className={`log-source log-source-${colour}`} title={source}>
          {source}
        </span>
      )}
      <span className="log-text">{body}</span>
    </div>
  );
});

/**
 * A log drawn as lines of a monospaced font, only those in view in the page (100,000 lines cost what
 * 50 do). Unwrapped, a line is one row; wrapped, its height follows from its length and the measured
 * columns. Sizes are set through refs: the CSP allows no inline style attributes.
 */
export function LogView(props: LogViewProps) {
  const {
    label,
    buffer,
    rows,
    version,
    needle,
    current,
    follow,
    live,
    wrap,
    showTime,
    showSource,
    onTopRow,
  } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const topSpacer = useRef<HTMLDivElement>(null);
  const bottomSpacer = useRef<HTMLDivElement>(null);
  const probeText = useRef<HTMLSpanElement>(null);
  const probeChars = useRef<HTMLSpanElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [columns, setColumns] = useState(0);
  // Following: the view stays at the newest line until the user scrolls away from it. Kept as the buffer
  // it was left in, so a new log (another container, timestamps on) starts at its end again.
  const [unstuckIn, setUnstuckIn] = useState<LogBuffer | null>(null);
  const stuck = unstuckIn !== buffer;
  const setStuck = useCallback((value: boolean) => setUnstuckIn(value ? null : buffer), [buffer]);
  /** Where the view was last put, by the user or by us: a scroll above it is the user going up. */
  const lastTop = useRef(0);

  const shownTime = showTime && buffer.format !== 'plain';
  const shownSource = showSource && buffer.format === 'interleaved';
  const sourceWidth = Math.min(MAX_SOURCE_WIDTH, Math.max(4, ...buffer.sources.map((s) => s.length)));

  // Wrapped lines break where the text column ends: measure it and a character, on every resize.
  const measure = useCallback(() => {
    const element = scroller.current;
    if (element === null) return;
    setViewportHeight(element.clientHeight);
    const textWidth = probeText.current?.getBoundingClientRect().width ?? 0;
    const charWidth = (probeChars.current?.getBoundingClientRect().width ?? 0) / 100;
    setColumns(charWidth > 0 ? Math.max(1, Math.floor(textWidth / charWidth)) : 0);
  }, []);
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);
  useLayoutEffect(measure, [measure, wrap, shownTime, shownSource, sourceWidth]);

  // Gutter widths and the unwrapped width (the longest line) as CSS variables.
  useLayoutEffect(() => {
    const element = content.current;
    if (element === null) return;
    element.style.setProperty('--log-source-width', `${sourceWidth}ch`);
    const gutters = (shownTime ? TIME_WIDTH : 0) + (shownSource ? sourceWidth + 1 : 0);
    element.style.setProperty('--log-width', `${gutters + buffer.longest + 1}ch`);
  }, [sourceWidth, shownTime, shownSource, buffer.longest, version]);

  const count = rows === null ? buffer.length : rows.length;
  const lineAt = useCallback((i: number) => (rows === null ? i : (rows[i] ?? 0)), [rows]);
  const wrapColumns = wrap ? columns : 0;
  const offsets = useExtendedMemo<LineOffsets>(
    (previous) => lineOffsets(count, (i) => (buffer.text[lineAt(i)] ?? '').length, wrapColumns, previous),
    [buffer, rows],
    [count, lineAt, wrapColumns, version],
  );
  const slice = logWindow(offsets, scrollTop, viewportHeight, LOG_LINE_HEIGHT, 20);
  const firstInView = Math.min(count - 1, slice.first + 20);
  useLayoutEffect(() => {
    onTopRow?.(firstInView);
  }, [onTopRow, firstInView]);

  useLayoutEffect(() => {
    if (topSpacer.current) topSpacer.current.style.height = `${slice.padTop}px`;
    if (bottomSpacer.current) bottomSpacer.current.style.height = `${slice.padBottom}px`;
  }, [slice.padTop, slice.padBottom]);

  const scrollTo = useCallback((top: number) => {
    const element = scroller.current;
    if (element === null) return;
    element.scrollTop = top;
    lastTop.current = element.scrollTop;
    setScrollTop(element.scrollTop);
  }, []);

  // New lines while following: keep the last in view.
  useLayoutEffect(() => {
    const element = scroller.current;
    // `follow`, not `live`: the lines that came with the end of the stream are followed too.
    if (element === null || !follow || !stuck) return;
    const bottom = element.scrollHeight - element.clientHeight;
    if (element.scrollTop < bottom - 1) scrollTo(bottom);
  }, [follow, stuck, slice.total, scrollTo]);

  // A new current match: its line to the middle, then its mark into view sideways. Keyed by position,
  // not identity: a search extended by new lines must not jump back to the match.
  const currentLine = current?.line ?? -1;
  const currentStart = current?.start ?? -1;
  // Reads the offsets of the moment without depending on them: lines arriving must not pull the view
  // back to the match.
  const showMatch = useEffectEvent((element: HTMLDivElement, line: number) => {
    setStuck(false);
    const top = (offsets.rowsBefore[line] ?? 0) * LOG_LINE_HEIGHT - element.clientHeight / 2;
    scrollTo(Math.max(0, top));
  });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null || currentLine < 0) return;
    showMatch(element, currentLine);
  }, [currentLine, currentStart]);
  useEffect(() => {
    const element = scroller.current;
    const mark = element?.querySelector('mark.current');
    if (element == null || mark == null) return;
    const box = element.getBoundingClientRect();
    const at = mark.getBoundingClientRect();
    if (at.left < box.left || at.right > box.right) element.scrollLeft += at.left - box.left - box.width / 3;
  }, [currentLine, currentStart, slice.first]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (element === null) return;
    setScrollTop(element.scrollTop);
    // Going up stops following; reaching the end again starts it. Our own scrolling to the end only
    // ever goes down, so it never stops it (a flag for "ours" would lose a wheel in the same frame).
    if (element.scrollTop + element.clientHeight >= element.scrollHeight - LOG_LINE_HEIGHT) setStuck(true);
    else if (element.scrollTop < lastTop.current - 1) setStuck(false);
    lastTop.current = element.scrollTop;
  }, [setStuck]);

  const resume = () => {
    setStuck(true);
    const element = scroller.current;
    if (element !== null) scrollTo(element.scrollHeight);
  };

  const rendered: ReactNode[] = [];
  for (let i = slice.first; i < slice.end; i++) {
    const line = lineAt(i);
    const source = buffer.sourceOf[line] ?? -1;
    rendered.push(
      <LogRow
        key={line}
        text={buffer.text[line] ?? ''}
        lower={buffer.lower[line] ?? ''}
        time={shownTime ? (buffer.time[line] ?? '') : ''}
        source={shownSource && source >= 0 ? (buffer.sources[source] ?? '') : ''}
        colour={source % SOURCE_COLOURS}
        needle={needle}
        currentStart={i === currentLine ? currentStart : -1}
      />,
    );
  }

  return (
    <div className="log-frame">
      <div
        className={wrap ? 'log-view wrapped' : 'log-view'}
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label={label}
        aria-live="off"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable and scrolled by keyboard too (WCAG 2.1.1, axe's scrollable-region-focusable)
        tabIndex={0}
      >
        <div className="log-lines" ref={content}>
          <div className="log-line log-probe" aria-hidden="true">
            {shownTime && <span className="log-time" />}
            {shownSource && <span className="log-source" />}
            <span className="log-text" ref={probeText}>
              <span ref={probeChars}>{'0'.repeat(100)}</span>
            </span>
          </div>
          <div ref={topSpacer} aria-hidden="true" />
          {rendered}
          <div ref={bottomSpacer} aria-hidden="true" />
        </div>
      </div>
      {live && !stuck && (
        <button type="button" className="button log-resume" onClick={resume}>
          ↓ Follow new lines
        </button>
      )}
    </div>
  );
}
