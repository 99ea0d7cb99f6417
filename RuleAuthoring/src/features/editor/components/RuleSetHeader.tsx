import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  const headRef = useRef<HTMLElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const [compact, setCompact] = useState(false);

  // The header stays at the top of the window (the save status and the actions must never scroll away);
  // once the page is scrolled it shrinks to the title, the save status and the actions.
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setCompact(entry ? !entry.isIntersecting : false));
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, []);

  // The columns below stick just under the header: they read its height from --ed-head-h.
  useEffect(() => {
    const head = headRef.current;
    const page = head?.parentElement;
    if (!head || !page || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => page.style.setProperty('--ed-head-h', `${Math.ceil(head.getBoundingClientRect().height)}px`));
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  return (
    <>
    <div ref={sentinelRef} className="ed-head-sentinel" aria-hidden="true" />
    <header ref={headRef} className={compact ? 'ed-head ed-head-compact' : 'ed-head'}>
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
    </>
  );
}
