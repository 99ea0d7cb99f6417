import type { RuleSetStatus } from '../lib/types';

/** draft / published / archived, with "in force" for the version that decides orders now. */
export function StatusBadge({ status, active }: { status: RuleSetStatus; active?: boolean }) {
  if (active) return <span className="badge badge-live">in force</span>;
  return <span className={`badge badge-${status}`}>{status}</span>;
}
