import { ApiProblem } from '../../../lib/problem';
import type { SaveStatus } from '../lib/autosave';

function clock(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** The save indicator in words (announced politely): "Saving…", "All changes saved 16:42", "Not saved: …". */
export function saveStatusText(status: SaveStatus, jsonError: string | null): string {
  if (jsonError) return 'Unsaved changes: the JSON is not valid yet';
  switch (status.state) {
    case 'saved': return status.at ? `All changes saved ${clock(status.at)}` : 'All changes saved';
    case 'pending': return 'Unsaved changes';
    case 'saving': return 'Saving…';
    case 'conflict': return 'Not saved: someone else saved this draft';
    case 'failed': {
      const e = status.error;
      const reason = e instanceof ApiProblem ? (e.detail || e.title) : e instanceof Error ? e.message : String(e);
      return `Not saved: ${reason}`;
    }
  }
}

export function SaveStatusText({ status, jsonError, onRetry }: { status: SaveStatus; jsonError: string | null; onRetry: () => void }) {
  const tone = jsonError || status.state === 'failed' || status.state === 'conflict' ? 'bad' : status.state === 'saved' ? 'ok' : 'busy';
  return (
    <span className={`ed-save ed-save-${tone}`}>
      <span className="ed-save-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" aria-label="Save status" className="ed-save-text">{saveStatusText(status, jsonError)}</span>
      {status.state === 'failed' && !jsonError && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onRetry}>Try again</button>
      )}
    </span>
  );
}
