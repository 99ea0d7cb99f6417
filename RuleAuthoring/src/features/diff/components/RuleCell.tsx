import type { Rule } from '../../../lib/types';
import { kindLabel, type FieldRow } from './align';

/** The id, kind and name stand in the row's heading; they are listed again only when they changed. */
function shown(r: FieldRow, side: 'from' | 'to'): boolean {
  if (['/id', '/kind', '/name'].includes(r.pointer) && !r.changed) return false;
  return side === 'from' ? r.fromPresent || r.changed : r.toPresent || r.changed;
}

/** One side of a rule row: its position, id, kind and name, then its fields (changed ones marked). */
export function RuleCell({ rule, index, rows, side, showFields }: {
  rule: Rule | null;
  index: number | null;
  rows: FieldRow[];
  side: 'from' | 'to';
  showFields: boolean;
}) {
  if (!rule) return <div className="diff-absent muted">{side === 'from' ? 'Not in this version (added)' : 'Not in this version (removed)'}</div>;
  return (
    <div className="diff-rule">
      <div className="diff-rule-head">
        <span className="muted">#{(index ?? 0) + 1}</span>{' '}
        <span className="badge">{kindLabel(rule.kind)}</span>{' '}
        <strong>{typeof rule.name === 'string' ? rule.name : ''}</strong>
      </div>
      {showFields && (
        <dl className="diff-fields">
          {rows.filter((r) => shown(r, side)).map((r) => {
            const present = side === 'from' ? r.fromPresent : r.toPresent;
            const text = side === 'from' ? r.from : r.to;
            const cls = r.changed ? `diff-field diff-field-changed diff-field-${side}` : 'diff-field';
            return (
              <div key={r.pointer} className={cls}>
                <dt>{r.label}</dt>
                <dd className={present ? 'diff-value' : 'diff-value muted'} style={{ whiteSpace: 'pre-line' }}>
                  {r.changed && <span className="sr-only">{side === 'from' ? 'old value: ' : 'new value: '}</span>}
                  {text}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}
