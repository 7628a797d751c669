import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { nearEnd, visibleWindow } from '../lib/virtual-window.ts';
import './virtual-table.css';

interface VirtualTableProps {
  /** Accessible name of the table. */
  label: string;
  className?: string;
  /** The `<thead>`; it stays in view while the rows scroll. */
  head: ReactNode;
  columnCount: number;
  rowCount: number;
  /** Every row is exactly this tall (the CSS must agree). */
  rowHeight: number;
  /** Renders row `index` as a `<tr>` with a key. */
  renderRow: (index: number) => ReactNode;
  /** Called when the user scrolls within `nearEndRows` of the last row (to load the next page). */
  onNearEnd?: () => void;
  nearEndRows?: number;
  overscan?: number;
}

/**
 * A table that renders only the rows in its scrolling viewport, with spacer rows standing in for the
 * others. Sizes are set through refs: the CSP allows no inline style attributes.
 */
export function VirtualTable({
  label,
  className,
  head,
  columnCount,
  rowCount,
  rowHeight,
  renderRow,
  onNearEnd,
  nearEndRows = 200,
  overscan = 8,
}: VirtualTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const topSpacer = useRef<HTMLTableRowElement>(null);
  const bottomSpacer = useRef<HTMLTableRowElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    setViewportHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const slice = visibleWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan });

  useLayoutEffect(() => {
    if (topSpacer.current) topSpacer.current.style.height = `${slice.padTop}px`;
    if (bottomSpacer.current) bottomSpacer.current.style.height = `${slice.padBottom}px`;
  }, [slice.padTop, slice.padBottom]);

  useEffect(() => {
    if (onNearEnd && nearEnd({ scrollTop, viewportHeight, rowHeight, rowCount }, nearEndRows)) onNearEnd();
  }, [onNearEnd, scrollTop, viewportHeight, rowHeight, rowCount, nearEndRows]);

  const onScroll = useCallback(() => {
    if (scroller.current) setScrollTop(scroller.current.scrollTop);
  }, []);

  const rows: ReactNode[] = [];
  for (let i = slice.first; i < slice.end; i++) rows.push(renderRow(i));

  return (
    <div className="virtual-scroll" ref={scroller} onScroll={onScroll}>
      <table
        className={`table virtual-table ${className ?? ''}`}
        aria-label={label}
        aria-rowcount={rowCount + 1}
      >
        {head}
        <tbody>
          <tr ref={topSpacer} className="virtual-spacer" aria-hidden="true">
            <td colSpan={columnCount} />
          </tr>
          {rows}
          <tr ref={bottomSpacer} className="virtual-spacer" aria-hidden="true">
            <td colSpan={columnCount} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
