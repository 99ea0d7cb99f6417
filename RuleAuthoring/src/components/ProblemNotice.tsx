import { ApiProblem, describeStatus } from '../lib/problem';

/**
 * Shows an error from the service in words: its title, its detail, each field at fault, and the stable
 * code in small print for support. Never raw JSON.
 */
export function ProblemNotice({ problem, onDismiss }: { problem: unknown; onDismiss?: () => void }) {
  if (!problem) return null;
  const p = problem instanceof ApiProblem ? problem : null;
  const title = p?.title ?? 'Something went wrong';
  const detail = p ? p.detail || describeStatus(p.status) : problem instanceof Error ? problem.message : String(problem);
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        <strong>{title}</strong>
        {detail && <p>{detail}</p>}
        {p && p.errors.length > 0 && (
          <ul>
            {p.errors.map((e, i) => (
              <li key={i}><span className="mono">{e.field}</span>: {e.message}</li>
            ))}
          </ul>
        )}
        {p && <small className="muted">code: <span className="mono">{p.code}</span></small>}
      </div>
      {onDismiss && <button type="button" className="btn btn-ghost" onClick={onDismiss} aria-label="Dismiss message">✕</button>}
    </div>
  );
}
