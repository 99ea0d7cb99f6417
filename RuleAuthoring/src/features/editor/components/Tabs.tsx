import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  /** e.g. a problem count, after the label. */
  badge?: string;
  /** The badge's colour: red for errors, amber when there are only warnings. */
  badgeTone?: 'error' | 'warning';
}

/** A tablist with roving focus: arrows, Home and End move between tabs and select them. */
export function Tabs<K extends string>({ tabs, selected, onSelect, label, idPrefix }: {
  tabs: TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = tabs.findIndex((t) => t.key === selected);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const key = tabs[next]!.key;
    onSelect(key);
    refs.current.get(key)?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className="tabs ed-tabs">
      {tabs.map((tab) => (
        <button
          key={tab.key}
          ref={(el) => { if (el) refs.current.set(tab.key, el); else refs.current.delete(tab.key); }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.key)}
          aria-selected={tab.key === selected}
          aria-controls={panelId(idPrefix, tab.key)}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => onSelect(tab.key)}
          onKeyDown={onKeyDown}
        >
          {tab.label}
          {tab.badge && <span className={tab.badgeTone === 'warning' ? 'ed-tab-badge ed-tab-badge-warning' : 'ed-tab-badge'} aria-hidden="true">{tab.badge}</span>}
        </button>
      ))}
    </div>
  );
}

export function tabId(prefix: string, key: string) {
  return `${prefix}-tab-${key}`;
}

export function panelId(prefix: string, key: string) {
  return `${prefix}-panel-${key}`;
}
