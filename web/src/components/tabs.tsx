import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { tabIndexAfterKey } from '../lib/tab-keys.ts';
import './tabs.css';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

interface TabsProps<T extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  /** Prefix of the tabs' and the panel's element ids. */
  idPrefix: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The selected tab's panel. */
  children: ReactNode;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop (the selected tab), arrow keys, Home and End move
 * between tabs and select them, the panel is labelled by its tab.
 */
export function Tabs<T extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
  children,
}: TabsProps<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const current = tabs.findIndex((t) => t.id === selected);
  const onKeyDown = (e: KeyboardEvent) => {
    const next = tabIndexAfterKey(e.key, current, tabs.length);
    const tab = next === null ? undefined : tabs[next];
    if (tab === undefined) return;
    e.preventDefault();
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el === null) buttons.current.delete(tab.id);
              else buttons.current.set(tab.id, el);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            aria-selected={tab.id === selected}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id={`${idPrefix}-panel-${selected}`}
        aria-labelledby={`${idPrefix}-tab-${selected}`}
      >
        {children}
      </section>
    </>
  );
}
