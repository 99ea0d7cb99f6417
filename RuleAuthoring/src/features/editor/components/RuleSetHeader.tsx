import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatInstant, versionLabel } from '../../../lib/format';
import type { RuleSet } from '../../../lib/types';
import { useSegmentVersions } from '../api/segmentVersions';

/** Name, segment, version, status, who and when, links to the history and the diff, and the actions. */
export function RuleSetHeader({ ruleSet, name, saveStatus, actions }: {
  ruleSet: RuleSet;
  /** The name as edited (drafts), so the heading follows the form. */
  name: string;
  saveStatus?: ReactNode;
  actions?: ReactNode;
}) {
  const versions = useSegmentVersions(ruleSet.segment);
  const active = versions.data?.find((v) => v.active);
  const segmentPath = `/segments/${encodeURIComponent(ruleSet.segment)}`;
  return (
    <header className="ed-head">
      <nav aria-label="Breadcrumb" className="ed-crumbs">
        <Link to="/rulesets">Rule sets</Link>
        <span aria-hidden="true"> / </span>
        <Link to={segmentPath}>{ruleSet.segment}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{versionLabel(ruleSet)}</span>
      </nav>
      <div className="ed-head-row">
        <div className="ed-head-title">
          <h1>{name || ruleSet.name}</h1>
          <div className="ed-meta">
            <span>Segment <strong>{ruleSet.segment}</strong></span>
            <span className="mono">{versionLabel(ruleSet)}</span>
            <StatusBadge status={ruleSet.status} active={ruleSet.active} />
            {ruleSet.status === 'published' && ruleSet.active && <span className="badge badge-published">published</span>}
            {ruleSet.status === 'draft' ? (
              <span>
                by {ruleSet.author}, last saved {formatInstant(ruleSet.updatedAt)}
                {ruleSet.updatedBy && ruleSet.updatedBy !== ruleSet.author ? ` by ${ruleSet.updatedBy}` : ''}
              </span>
            ) : ruleSet.publishedAt ? (
              <span>published {formatInstant(ruleSet.publishedAt)} by {ruleSet.publishedBy ?? '—'}</span>
            ) : (
              <span>by {ruleSet.author}, {formatInstant(ruleSet.updatedAt)}</span>
            )}
            {ruleSet.status === 'archived' && ruleSet.archivedAt && <span>archived {formatInstant(ruleSet.archivedAt)}</span>}
          </div>
          {ruleSet.publishComment && <p className="ed-publish-comment">“{ruleSet.publishComment}”</p>}
          <div className="ed-links">
            <Link to={segmentPath}>History of {ruleSet.segment}</Link>
            {active && active.id !== ruleSet.id && (
              <Link to={`/diff?from=${encodeURIComponent(active.id)}&to=${encodeURIComponent(ruleSet.id)}`}>Compare with version in force</Link>
            )}
            {versions.isSuccess && !active && <span className="muted">Nothing in force for {ruleSet.segment} yet</span>}
          </div>
        </div>
        <div className="ed-head-side">
          {saveStatus}
          {actions}
        </div>
      </div>
    </header>
  );
}
