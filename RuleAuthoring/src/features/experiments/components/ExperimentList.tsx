import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { useMe } from '../../../lib/auth';
import { formatInstant } from '../../../lib/format';
import { mayRunExperiments } from '../../../lib/roles';
import { useExperiments, type ExperimentStatus } from '../api/experiments';
import { useComparableVersions } from '../api/versions';
import { armsText, ExperimentStatusBadge, ReplayState, trafficText } from './ExperimentStatus';

const statuses: ExperimentStatus[] = ['draft', 'running', 'stopped'];

/** /experiments — every A/B experiment, filtered by segment and status (kept in the address, to share). */
export function ExperimentList() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const segment = search.get('segment') ?? '';
  const status = search.get('status') ?? '';
  const experiments = useExperiments({ segment, status });
  const segments = useComparableVersions();
  const canWrite = mayRunExperiments(me.role);

  function setFilter(name: 'segment' | 'status', value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  }

  const segmentNames = segments.data?.map((s) => s.segment) ?? [];
  if (segment && !segmentNames.includes(segment)) segmentNames.push(segment);

  return (
    <section aria-labelledby="experiments-title" className="exp">
      <div className="page-head">
        <h1 id="experiments-title">Experiments</h1>
        <div className="toolbar">
          <label className="exp-filter">
            <span>Segment</span>
            <select value={segment} onChange={(e) => setFilter('segment', e.target.value)}>
              <option value="">All segments</option>
              {segmentNames.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <label className="exp-filter">
            <span>Status</span>
            <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">Any status</option>
              {statuses.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          {canWrite && (
            <Link className="btn btn-primary" to={segment ? `/experiments/new?segment=${encodeURIComponent(segment)}` : '/experiments/new'}>
              New experiment
            </Link>
          )}
        </div>
      </div>
      <p className="muted exp-intro">
        An experiment compares two versions of a segment’s rules: on live orders (a share of them decided by the variant)
        and by replaying logged orders under both.
      </p>

      {experiments.isPending && <Loading what="experiments" />}
      {experiments.isError && <ProblemNotice problem={experiments.error} />}
      {experiments.isSuccess && experiments.data.length === 0 && (
        <p className="muted">{segment || status ? 'No experiment matches these filters.' : 'No experiments yet.'}</p>
      )}
      {experiments.isSuccess && experiments.data.length > 0 && (
        <div className="exp-table-wrap">
          <table aria-label="Experiments" className="exp-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Segment</th>
                <th scope="col">Control vs variant</th>
                <th scope="col">Variant share</th>
                <th scope="col">Window</th>
                <th scope="col">Status</th>
                <th scope="col">Replay</th>
              </tr>
            </thead>
            <tbody>
              {experiments.data.map((e) => (
                <tr key={e.id}>
                  <th scope="row"><Link to={`/experiments/${encodeURIComponent(e.id)}`}>{e.name}</Link></th>
                  <td>{e.segment}</td>
                  <td className="mono">{armsText(e)}</td>
                  <td>{trafficText(e.trafficShare)}</td>
                  <td>{formatInstant(e.window.from)} → {formatInstant(e.window.to)}</td>
                  <td><ExperimentStatusBadge status={e.status} /></td>
                  <td className="exp-replay-cell"><ReplayState replay={e.replay} name={e.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
