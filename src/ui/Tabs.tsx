import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabChoice<K extends string> {
  key: K;
  label: string;
}

/**
 * Tabs in the GOV.UK Design System pattern (WAI-ARIA tabs with automatic activation): one tab stop, arrow keys,
 * Home and End move between tabs and show each at once. Only the chosen panel is rendered: the parts of a view
 * are separate tasks, and drawing only the one in use keeps each change of filter quick.
 */
export function Tabs<K extends string>({
  idPrefix,
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  idPrefix: string;
  /** Names the tab list for assistive technology. */
  label: string;
  tabs: readonly TabChoice<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The chosen tab's panel. */
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const tabId = (key: K) => `${idPrefix}-tab-${key}`;
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((t) => t.key === selected);
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const key = tabs[next]!.key;
    onSelect(key);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(key))}`)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" ref={list}>
        {tabs.map((t) => {
          const on = t.key === selected;
          return (
            <button
              key={t.key}
              type="button"
              role="tab"
              id={tabId(t.key)}
              className="tabs__tab"
              aria-selected={on}
              aria-controls={on ? `${idPrefix}-panel` : undefined}
              tabIndex={on ? 0 : -1}
              onClick={() => onSelect(t.key)}
              onKeyDown={onKeyDown}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={tabId(selected)} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
