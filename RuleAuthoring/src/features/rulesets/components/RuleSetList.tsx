import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useRuleSets, groupBySegment, useCreateDraft } from '../api/rulesets';
import { useMe } from '../../../lib/auth';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatInstant, versionLabel } from '../../../lib/format';

/** The overview: one card per segment with the version in force, open drafts and a link to the history. */
export function RuleSetList() {
  const query = useRuleSets();
  const me = useMe();
  const navigate = useNavigate();
  const createDraft = useCreateDraft();
  const [filter, setFilter] = useState('');
  if (query.isPending) return <Loading what="rule sets" />;
  if (query.isError) return <ProblemNotice problem={query.error} />;
  const segments = groupBySegment(query.data).filter((s) => s.segment.includes(filter.trim().toLowerCase()));
  return (
    <section aria-labelledby="rulesets-title">
      <div className="page-head">
        <h1 id="rulesets-title">Rule sets by segment</h1>
        <label className="search">
          <span className="sr-only">Find a segment</span>
          <input type="search" placeholder="Find a segment" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      <ProblemNotice problem={createDraft.error} onDismiss={() => createDraft.reset()} />
      {segments.length === 0 && <p className="muted">No segment matches “{filter}”.</p>}
      <div className="segment-grid">
        {segments.map((s) => (
          <article key={s.segment} className="card segment-card" aria-labelledby={`seg-${s.segment}`}>
            <header>
              <h2 id={`seg-${s.segment}`}>{s.segment}</h2>
              <Link to={`/segments/${encodeURIComponent(s.segment)}`}>History ({s.versions.length})</Link>
            </header>
            {s.live ? (
              <p>
                <Link to={`/rulesets/${s.live.id}`}>{s.live.name}</Link>{' '}
                <span className="mono">{versionLabel(s.live)}</span> <StatusBadge status={s.live.status} active />
                <br />
                <small className="muted">published {formatInstant(s.live.publishedAt)} by {s.live.publishedBy ?? '—'}</small>
              </p>
            ) : (
              <p className="muted">Nothing published: orders of this segment are refused.</p>
            )}
            {s.drafts.length > 0 && (
              <ul className="draft-list" aria-label={`Drafts for ${s.segment}`}>
                {s.drafts.map((d) => (
                  <li key={d.id}>
                    <Link to={`/rulesets/${d.id}`}>{d.name}</Link> <span className="mono">{versionLabel(d)}</span>{' '}
                    <StatusBadge status="draft" />{' '}
                    <small className="muted">last saved {formatInstant(d.updatedAt)} by {d.updatedBy}</small>
                  </li>
                ))}
              </ul>
            )}
            {me.permissions.authorRules && s.live && (
              <button type="button" className="btn btn-small" disabled={createDraft.isPending}
                aria-label={`New draft from ${versionLabel(s.live)} for ${s.segment}`}
                onClick={() => createDraft.mutate(s.live!.id, { onSuccess: (draft) => navigate(`/rulesets/${draft.id}`) })}>
                New draft from {versionLabel(s.live)}
              </button>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
