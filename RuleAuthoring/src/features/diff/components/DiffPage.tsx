import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import type { RuleSet } from '../../../lib/types';
import { useAllVersions } from '../api/diff';
import { RuleSetDiffView } from './RuleSetDiffView';
import { VersionPicker } from './VersionPicker';

function newestFirst(list: RuleSet[]): RuleSet[] {
  return [...list].sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt));
}

/** /diff?from=&to=: pick two versions of a segment and see them side by side. */
export function DiffPage() {
  const [params, setParams] = useSearchParams();
  const fromId = params.get('from') ?? '';
  const toId = params.get('to') ?? '';
  const all = useAllVersions();

  if (all.isPending) return <Loading what="versions" />;
  if (all.isError) return <ProblemNotice problem={all.error} />;

  const byId = new Map(all.data.map((v) => [v.id, v]));
  const segments = [...new Set(all.data.map((v) => v.segment))].sort();
  const segment = params.get('segment') ?? byId.get(toId)?.segment ?? byId.get(fromId)?.segment ?? '';
  const versions = newestFirst(all.data.filter((v) => v.segment === segment));

  function pick(next: { from?: string; to?: string; segment?: string }) {
    const p = new URLSearchParams();
    const f = next.from ?? fromId;
    const t = next.to ?? toId;
    if (f) p.set('from', f);
    if (t) p.set('to', t);
    if (!f && !t && next.segment) p.set('segment', next.segment);
    setParams(p);
  }

  function chooseSegment(s: string) {
    const list = newestFirst(all.data!.filter((v) => v.segment === s));
    const inForce = list.find((v) => v.active);
    const latest = list[0];
    const older = inForce && latest && inForce.id !== latest.id ? inForce : list[1];
    if (latest && older) pick({ from: older.id, to: latest.id });
    else pick({ from: '', to: '', segment: s });
  }

  return (
    <section aria-labelledby="diff-title">
      <div className="page-head">
        <div>
          <p className="muted diff-crumb">
            <Link to="/rulesets">Rule sets</Link>
            {segment && <> / <Link to={`/segments/${encodeURIComponent(segment)}`}>{segment}</Link></>} / compare
          </p>
          <h1 id="diff-title">{segment ? `Compare versions of ${segment}` : 'Compare versions'}</h1>
        </div>
      </div>
      <div className="card diff-pickers">
        <div className="field diff-picker">
          <label htmlFor="diff-segment">Segment</label>
          <select id="diff-segment" value={segment} onChange={(e) => chooseSegment(e.target.value)}>
            {!segment && <option value="">Choose a segment</option>}
            {segments.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        {segment && (
          <>
            <VersionPicker label="From version" versions={versions} value={fromId} onChange={(id) => pick({ from: id })} />
            <button type="button" className="btn diff-swap" onClick={() => pick({ from: toId, to: fromId })} disabled={!fromId || !toId}>
              Swap from and to
            </button>
            <VersionPicker label="To version" versions={versions} value={toId} onChange={(id) => pick({ to: id })} />
          </>
        )}
      </div>
      {fromId && toId && fromId === toId && <p className="notice notice-info">Pick two different versions to see what changed.</p>}
      {fromId && toId && fromId !== toId && <RuleSetDiffView fromId={fromId} toId={toId} />}
      {segment && (!fromId || !toId) && versions.length < 2 && (
        <p className="muted">{segment} has only one version: nothing to compare yet.</p>
      )}
    </section>
  );
}
