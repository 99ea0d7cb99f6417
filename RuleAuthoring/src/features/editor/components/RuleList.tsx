import { useRef, type KeyboardEvent } from 'react';
import type { Rule } from '../../../lib/types';
import { countBySeverity, type PlacedProblems } from '../lib/pointer';
import { kindLabel } from '../lib/schema';
import { KindIcon } from './KindIcon';

interface RuleListProps {
  rules: Rule[];
  selected: number | null;
  onSelect: (index: number) => void;
  placed: PlacedProblems;
  commentCounts: ReadonlyMap<string, number>;
  /** Alt+Arrow moves the focused rule (drafts only). */
  onMove?: (from: number, to: number) => void;
}

export function ruleTitle(rule: Rule): string {
  return rule.name?.trim() || rule.id || `(${kindLabel(rule.kind)} without id)`;
}

/**
 * The rules in order, as a listbox: arrows, Home and End move the selection (the form follows); Alt+Up and
 * Alt+Down move the rule itself. Each shows its kind, title, id, whether it is switched off, its problems
 * (red dot and count) and the feedback on it (speech bubble and count).
 */
export function RuleList({ rules, selected, onSelect, placed, commentCounts, onMove }: RuleListProps) {
  const refs = useRef<Array<HTMLLIElement | null>>([]);

  function focus(index: number) {
    onSelect(index);
    refs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, index: number) {
    const last = rules.length - 1;
    if (event.altKey && onMove && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
      if (to < 0 || to > last) return;
      onMove(index, to);
      requestAnimationFrame(() => refs.current[to]?.focus());
      return;
    }
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(last, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter' || event.key === ' ') next = index;
    if (next === null) return;
    event.preventDefault();
    focus(next);
  }

  if (rules.length === 0) return <p className="muted ed-rulelist-empty">No rules yet. Add the first one.</p>;
  const focusable = selected !== null && selected < rules.length ? selected : 0;
  return (
    <ul role="listbox" aria-label="Rules" className="ed-rulelist" aria-describedby="ed-rulelist-keys">
      {rules.map((rule, i) => {
        const { errors, warnings } = countBySeverity(placed.byRule.get(i));
        const comments = commentCounts.get(rule.id) ?? 0;
        const off = rule.enabled === false;
        const extras = [
          off ? 'switched off' : null,
          errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : null,
          warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : null,
          comments ? `${comments} ${comments === 1 ? 'comment' : 'comments'}` : null,
        ].filter(Boolean);
        return (
          <li
            key={i}
            ref={(el) => { refs.current[i] = el; }}
            role="option"
            aria-selected={i === selected}
            tabIndex={i === focusable ? 0 : -1}
            className={`ed-rule${i === selected ? ' ed-rule-selected' : ''}${off ? ' ed-rule-off' : ''}`}
            onClick={() => focus(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <KindIcon kind={rule.kind} />
            <span className="ed-rule-text">
              <span className="ed-rule-name">{ruleTitle(rule)}</span>
              <span className="ed-rule-meta">
                <span>{kindLabel(rule.kind)}</span>
                {rule.name && <span className="mono">{rule.id}</span>}
                {off && <span className="badge" aria-hidden="true">off</span>}
              </span>
              {/* The name is the visible text (WCAG 2.5.3, label in name) plus what the marks show. */}
              {extras.length > 0 && <span className="sr-only">({extras.join(', ')})</span>}
            </span>
            <span className="ed-rule-marks" aria-hidden="true">
              {errors + warnings > 0 && (
                <span className={errors ? 'ed-dot ed-dot-error' : 'ed-dot ed-dot-warning'} title={extras.filter((x) => /error|warning/.test(x!)).join(', ')}>
                  {errors + warnings}
                </span>
              )}
              {comments > 0 && (
                <span className="ed-bubble" title={`${comments} ${comments === 1 ? 'comment' : 'comments'}`}>
                  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path fill="currentColor" d="M2 2h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" /></svg>
                  {comments}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
