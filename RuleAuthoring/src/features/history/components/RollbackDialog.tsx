import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { versionLabel } from '../../../lib/format';
import type { RuleSet } from '../../../lib/types';

interface RollbackDialogProps {
  version: RuleSet;
  segment: string;
  busy: boolean;
  error: unknown;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

/** Asks before rolling back: the earlier content is published again as a new version, in force at once. */
export function RollbackDialog({ version, segment, busy, error, onConfirm, onCancel }: RollbackDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const label = versionLabel(version);
  const [comment, setComment] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom and old browsers lack showModal; the open attribute still shows it.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(comment.trim());
  }

  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }} className="history-dialog">
      <form onSubmit={submit}>
        <h2 id={titleId}>Roll back {segment} to {label}?</h2>
        <p>
          The rules of {label} (“{version.name}”) are published again as a new version, which decides every {segment} order from now on.
          The version in force now stays in the history.
        </p>
        <Field label="Rollback comment" help={`Why; shown in the history. Empty: “rollback to ${label}”.`}>
          {({ id, describedBy }) => (
            <textarea id={id} aria-describedby={describedBy} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} autoFocus />
          )}
        </Field>
        <ProblemNotice problem={error} />
        <div className="toolbar history-dialog-actions">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Rolling back…' : 'Roll back'}</button>
        </div>
      </form>
    </dialog>
  );
}
