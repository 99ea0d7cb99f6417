import { useState } from 'react';
import { formatInstant } from '../../../lib/format';
import { pretty } from './JsonView';
import type { DraftSession } from './useDraftSession';
import { ProblemNotice } from '../../../components/ProblemNotice';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection copy
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
  area.remove();
  return ok;
}

/**
 * Someone else saved the draft while this planner was editing (412): autosave has stopped. Said in words,
 * with the three ways out; nothing is ever overwritten without her choosing it.
 */
export function ConflictNotice({ session }: { session: DraftSession }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const c = session.conflict;
  if (!c) return null;
  const who = [
    Number.isFinite(c.revision) ? `revision ${c.revision}` : null,
    c.author ? `by ${c.author}` : null,
    c.updatedAt ? `at ${formatInstant(c.updatedAt)}` : null,
  ].filter(Boolean).join(' ');

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="notice notice-error ed-conflict" role="alert">
      <div className="notice-body">
        <strong>Someone else saved this draft{who ? ` (${who})` : ''} while you were editing. Your changes are not saved.</strong>
        <p>Choose what to keep. Your version stays on screen (and in this browser) until you do.</p>
        <div className="toolbar">
          <button type="button" className="btn" disabled={busy} onClick={() => run(session.reloadTheirs)}>Reload their version (discard mine)</button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => run(session.keepMine)}>Keep mine and overwrite</button>
          <button type="button" className="btn btn-ghost" onClick={async () => setCopied(await copyText(pretty(session.doc)))}>Copy my JSON</button>
        </div>
        {copied === true && <p role="status">Your JSON is on the clipboard.</p>}
        {copied === false && <p role="status">The browser did not allow copying; open the JSON tab and copy it from there.</p>}
        {error !== null && <ProblemNotice problem={error} />}
      </div>
    </div>
  );
}

/** A backup of unsaved changes found in this browser on arrival. */
export function BackupNotice({ session }: { session: DraftSession }) {
  const n = session.backupNotice;
  if (!n) return null;
  const when = formatInstant(n.backup.savedAt);
  if (n.kind === 'orphaned') {
    return (
      <div className="notice notice-warn" role="alert">
        <div className="notice-body">
          <strong>Unsaved changes from {when} could not be saved: this version was published or archived meanwhile.</strong>
          <p>Copy them (as JSON) to apply them to a new draft, or discard them.</p>
          <CopyBackup text={pretty(n.backup.document)} onDiscard={session.discardBackup} />
        </div>
      </div>
    );
  }
  if (n.kind === 'restored') {
    return (
      <div className="notice notice-info" role="status">
        <div className="notice-body">
          <strong>Restored unsaved changes from {when}</strong>
          <p>They had not reached the service when you left; they are being saved now.</p>
          <div className="toolbar">
            <button type="button" className="btn btn-small" onClick={session.dismissBackupNotice}>Keep them</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={session.discardBackup}>Discard them</button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="notice notice-warn" role="alert">
      <div className="notice-body">
        <strong>You left unsaved changes from {when}, but this draft was saved again since (revision {n.serverRevision}).</strong>
        <p>Restoring yours replaces what is saved now; discarding keeps the saved draft.</p>
        <div className="toolbar">
          <button type="button" className="btn btn-small btn-danger" onClick={session.restoreBackup}>Restore mine (overwrite)</button>
          <button type="button" className="btn btn-small" onClick={session.discardBackup}>Discard mine</button>
        </div>
      </div>
    </div>
  );
}

function CopyBackup({ text, onDiscard }: { text: string; onDiscard: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <>
      <div className="toolbar">
        <button type="button" className="btn btn-small" onClick={async () => setCopied(await copyText(text))}>Copy my JSON</button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDiscard}>Discard them</button>
      </div>
      {copied !== null && <p role="status">{copied ? 'Your JSON is on the clipboard.' : 'The browser did not allow copying.'}</p>}
    </>
  );
}
