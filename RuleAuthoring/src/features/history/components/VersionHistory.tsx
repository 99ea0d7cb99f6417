import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMe } from '../../../lib/auth';
import { formatInstant, versionLabel } from '../../../lib/format';
import type { RuleSet } from '../../../lib/types';
import { diffLink, previousVersion, useNewDraftFrom, useRollback, useSegmentVersions } from '../api/history';
import { RollbackDialog } from './RollbackDialog';

/**
 * Every version of a segment, newest first, the one in force highlighted: open, compare (with the
 * previous, with the one in force, or any two), and for planners roll back or start a new draft.
 */
export function VersionHistory({ segment }: { segment: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const query = useSegmentVersions(segment);
  const rollback = useRollback();
  const newDraft = useNewDraftFrom();
  const [selected, setSelected] = useState<string[]>([]);
  const [rollingBack, setRollingBack] = useState<RuleSet | null>(null);
  const [rolledBack, setRolledBack] = useState<{ from: RuleSet; to: RuleSet } | null>(null);
  const canWrite = me.permissions.authorRules;

  if (query.isPending) return <Loading what={`the history of ${segment}`} />;
  if (query.isError) return <ProblemNotice problem={query.error} />;
  const versions = query.data;
  const inForce = versions.find((v) => v.active) ?? null;
  const byId = new Map(versions.map((v) => [v.id, v]));
  const picked = selected.map((id) => byId.get(id)).filter((v): v is RuleSet => v !== undefined);

  function toggle(id: string, on: boolean) {
    // Two at most: a third pick replaces the oldest pick.
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id].slice(-2) : s.filter((x) => x !== id)));
  }

  function confirmRollback(comment: string) {
    const from = rollingBack;
    if (!from) return;
    rollback.mutate({ id: from.id, comment }, {
      onSuccess: (to) => {
        setRollingBack(null);
        setRolledBack({ from, to });
      },
    });
  }

  function startDraft(v: RuleSet) {
    newDraft.mutate(v.id, { onSuccess: (draft) => navigate(`/rulesets/${encodeURIComponent(draft.id)}`) });
  }

  return (
    <section aria-labelledby="history-title" className="history">
      <div className="page-head">
        <div>
          <p className="muted history-crumb"><Link to="/rulesets">Rule sets</Link> / {segment}</p>
          <h1 id="history-title">History of {segment}</h1>
        </div>
        <div className="toolbar">
          <span className="muted" aria-live="polite">
            {picked.length === 2 ? `${versionLabel(picked[0]!)} and ${versionLabel(picked[1]!)} selected` : `Select two versions to compare (${picked.length} selected)`}
          </span>
          {picked.length === 2
            ? <Link className="btn btn-primary" to={diffLink(picked[0]!, picked[1]!)}>Compare selected</Link>
            : <button type="button" className="btn btn-primary" disabled>Compare selected</button>}
        </div>
      </div>

      {rolledBack && (
        <div className="notice notice-ok" role="status">
          <div className="notice-body">
            <strong>Rolled back to {versionLabel(rolledBack.from)}.</strong>{' '}
            <Link to={`/rulesets/${encodeURIComponent(rolledBack.to.id)}`}>{versionLabel(rolledBack.to)}</Link> is now in force for {segment}.
          </div>
          <button type="button" className="btn btn-ghost" aria-label="Dismiss message" onClick={() => setRolledBack(null)}>✕</button>
        </div>
      )}
      {newDraft.isError && <ProblemNotice problem={newDraft.error} onDismiss={() => newDraft.reset()} />}
      {!inForce && <p className="notice notice-warn">Nothing is in force for {segment}: its orders are refused.</p>}

      {versions.length === 0 ? (
        <p className="muted">No versions of {segment} yet.</p>
      ) : (
        <div className="history-table-wrap">
          <table className="history-table" aria-label={`Versions of ${segment}`}>
            <thead>
              <tr>
                <th scope="col"><span className="sr-only">Select</span></th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Name</th>
                <th scope="col">Author</th>
                <th scope="col">Created</th>
                <th scope="col">Published</th>
                <th scope="col">Comment</th>
                <th scope="col">Based on</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => {
                const label = versionLabel(v);
                const previous = previousVersion(versions, v);
                const base = v.basedOn ? byId.get(v.basedOn) : undefined;
                // Only a version that was published (and so decided orders) can be rolled back to; an archived draft never was.
                const canRollBack = canWrite && (v.status === 'published' || v.status === 'archived') && !v.active && Boolean(v.publishedAt);
                return (
                  <tr key={v.id} className={v.active ? 'history-live' : undefined} aria-current={v.active ? 'true' : undefined}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${label}`} checked={selected.includes(v.id)}
                        onChange={(e) => toggle(v.id, e.target.checked)} />
                    </td>
                    <th scope="row" className="mono">{label}</th>
                    <td><StatusBadge status={v.status} active={v.active} /></td>
                    <td>{v.name}</td>
                    <td>{v.author}</td>
                    <td>{formatInstant(v.createdAt)}</td>
                    <td>{v.publishedAt ? <>{formatInstant(v.publishedAt)}<br /><small className="muted">by {v.publishedBy ?? '—'}</small></> : '—'}</td>
                    <td className="history-comment">{v.publishComment ?? <span className="muted">—</span>}</td>
                    <td>{v.basedOn ? (base ? <Link to={`/rulesets/${encodeURIComponent(base.id)}`}>{versionLabel(base)}</Link> : <span className="mono">{v.basedOn}</span>) : '—'}</td>
                    <td>
                      <div className="history-actions">
                        <Link className="btn btn-small" to={`/rulesets/${encodeURIComponent(v.id)}`}>Open {label}</Link>
                        {previous && (
                          <Link className="btn btn-small btn-ghost" to={diffLink(previous, v)}
                            aria-label={`Compare with previous (${versionLabel(previous)} to ${label})`}>Compare with previous</Link>
                        )}
                        {inForce && !v.active && (
                          <Link className="btn btn-small btn-ghost" to={diffLink(inForce, v)}
                            aria-label={`Compare with in force (${versionLabel(inForce)} and ${label})`}>Compare with in force</Link>
                        )}
                        {canRollBack && (
                          <button type="button" className="btn btn-small btn-danger" onClick={() => { rollback.reset(); setRollingBack(v); }}>
                            Roll back to {label}
                          </button>
                        )}
                        {canWrite && (
                          <button type="button" className="btn btn-small" disabled={newDraft.isPending} onClick={() => startDraft(v)}>
                            New draft from {label}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {rollingBack && (
        <RollbackDialog version={rollingBack} segment={segment} busy={rollback.isPending} error={rollback.error}
          onConfirm={confirmRollback} onCancel={() => setRollingBack(null)} />
      )}
    </section>
  );
}
