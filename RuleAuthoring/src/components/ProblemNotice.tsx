import { ApiProblem, describeStatus } from '../lib/problem';

/** Titles in the user's words for refusals whose server wording speaks of headers and HTTP paths. */
const accessTitles: Record<number, string> = { 401: 'Not signed in', 403: 'Not allowed for your role' };

/**
 * Shows an error from the service in words: its title, its detail, each field at fault, and the stable
 * code in small print for support. Never raw JSON, never HTTP methods or header names.
 */
export function ProblemNotice({ problem, onDismiss }: { problem: unknown; onDismiss?: () => void }) {
  if (!problem) return null;
  const p = problem instanceof ApiProblem ? problem : null;
  const access = p ? accessTitles[p.status] : undefined;
  const title = access ?? p?.title ?? (problem instanceof Error ? problem.message : String(problem));
  const detail = p ? (access ? describeStatus(p.status) : p.detail || describeStatus(p.status)) : '';
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        <strong>{title}</strong>
        {detail && <p>{detail}</p>}
        {p?.status === 401 && <p><a href="/authoring/signin">Sign in again</a></p>}
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
