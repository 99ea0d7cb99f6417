import { useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { StatusBadge } from '../../../components/StatusBadge';
import { versionLabel } from '../../../lib/format';
import type { RuleSet } from '../../../lib/types';
import { useDiff, useVersion } from '../api/diff';
import { alignFields, alignRules, countChanges, formatValue, pointerLabel, summarize } from './align';
import { RuleCell } from './RuleCell';

const changeText: Record<string, string> = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved', unchanged: 'unchanged' };

/** Two versions side by side: rule set fields that changed, then every rule aligned by id, from on the left, to on the right. */
export function RuleSetDiffView({ fromId, toId }: { fromId: string; toId: string }) {
  const from = useVersion(fromId);
  const to = useVersion(toId);
  const diff = useDiff(fromId, toId);
  const [showUnchanged, setShowUnchanged] = useState(false);

  if (from.isPending || to.isPending || diff.isPending) return <Loading what="the comparison" />;
  const error = from.error ?? to.error ?? diff.error;
  if (error) return <ProblemNotice problem={error} />;
  if (!from.data || !to.data || !diff.data) return null;

  const a = from.data;
  const b = to.data;
  const result = diff.data;
  const rows = alignRules(a.document?.rules ?? [], b.document?.rules ?? [], result.rules);
  const counts = countChanges(result);
  const unchanged = rows.filter((r) => r.change === 'unchanged').length;

  return (
    <div className="diff">
      <p className="diff-summary" role="status" aria-label="Summary of changes">
        <strong>{summarize(result)}</strong>
        {unchanged > 0 && <span className="muted">, {unchanged} {unchanged === 1 ? 'rule' : 'rules'} unchanged</span>}
      </p>
      <ul className="diff-legend" aria-label="Counts">
        <li className="diff-added">{counts.added} added</li>
        <li className="diff-removed">{counts.removed} removed</li>
        <li className="diff-changed">{counts.changed} changed</li>
        <li className="diff-moved">{counts.moved} {counts.moved === 1 ? 'rule' : 'rules'} moved</li>
      </ul>

      {a.segment !== b.segment && (
        <p className="notice notice-warn">These versions govern different segments ({a.segment} and {b.segment}).</p>
      )}

      <section className="card diff-section" aria-labelledby="diff-fields-title">
        <h2 id="diff-fields-title">Rule set settings</h2>
        {result.fields.length === 0 ? (
          <p className="muted">Name, description and entitlements are the same.</p>
        ) : (
          <table aria-label="Rule set fields changed" className="diff-table">
            <thead><tr><th scope="col">Field</th><th scope="col">{versionLabel(a)} (from)</th><th scope="col">{versionLabel(b)} (to)</th></tr></thead>
            <tbody>
              {result.fields.map((f) => (
                <tr key={f.pointer} className="diff-changed">
                  <th scope="row">{pointerLabel(f.pointer)}</th>
                  <td className="diff-old" style={{ whiteSpace: 'pre-line' }}><span className="sr-only">old value: </span>{formatValue(f.from)}</td>
                  <td className="diff-new" style={{ whiteSpace: 'pre-line' }}><span className="sr-only">new value: </span>{formatValue(f.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card diff-section" aria-labelledby="diff-rules-title">
        <div className="diff-rules-head">
          <h2 id="diff-rules-title">Rules</h2>
          <label>
            <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> Show unchanged and moved rules in full
          </label>
        </div>
        <table className="diff-table diff-rules" aria-label="Rules side by side">
          <colgroup><col className="diff-col-id" /><col /><col /></colgroup>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col"><VersionHead version={a} role="from" /></th>
              <th scope="col"><VersionHead version={b} role="to" /></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const fields = alignFields(row.from, row.to, row.fields);
              // Unchanged and merely moved rules read the same on both sides: one line each unless asked.
              const full = row.change === 'changed' || row.change === 'added' || row.change === 'removed' || showUnchanged;
              // Only a rule the service says moved shows from → to; one that merely shifted because another was
              // added or removed keeps its own label and says where it stands now.
              const shifted = row.fromIndex !== null && row.toIndex !== null && row.fromIndex !== row.toIndex;
              const moved = shifted && row.change === 'moved';
              return (
                <tr key={row.id} className={`diff-row diff-${row.change}`}>
                  <th scope="row">
                    <span className="mono">{row.id}</span>
                    <br />
                    <span className={`badge diff-badge diff-badge-${row.change}`}>
                      {changeText[row.change]}{shifted && !moved ? ` (now #${row.toIndex! + 1})` : ''}
                    </span>
                    {moved && <div className="muted diff-moved-note">#{row.fromIndex! + 1} → #{row.toIndex! + 1}</div>}
                    {row.change === 'changed' && <div className="muted">{row.fields.length} {row.fields.length === 1 ? 'field' : 'fields'}</div>}
                  </th>
                  <td className="diff-side diff-side-from"><RuleCell rule={row.from} index={row.fromIndex} rows={fields} side="from" showFields={full} /></td>
                  <td className="diff-side diff-side-to"><RuleCell rule={row.to} index={row.toIndex} rows={fields} side="to" showFields={full} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function VersionHead({ version, role }: { version: RuleSet; role: 'from' | 'to' }) {
  return (
    <span className="diff-version-head">
      <span className="muted">{role === 'from' ? 'From' : 'To'}</span>{' '}
      <Link to={`/rulesets/${encodeURIComponent(version.id)}`} className="mono">{versionLabel(version)}</Link>{' '}
      <StatusBadge status={version.status} active={version.active} /> {version.name}
    </span>
  );
}
