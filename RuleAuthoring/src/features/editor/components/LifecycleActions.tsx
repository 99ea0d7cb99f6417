import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../../components/Field';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { ApiProblem } from '../../../lib/problem';
import type { RuleProblem, RuleSet, RuleSetDocument } from '../../../lib/types';
import { versionLabel } from '../../../lib/format';
import { useArchive, useCreateDraft, usePublish, useRollback, useValidate } from '../api/lifecycle';
import { countBySeverity, countWords, describeLocation, plannerMessage } from '../lib/pointer';
import { Dialog } from './Dialog';

export interface Flash {
  tone: 'ok' | 'info' | 'warn';
  text: string;
}

interface LifecycleActionsProps {
  ruleSet: RuleSet;
  /** The document as edited, to name the rules and fields problems are at. */
  doc: RuleSetDocument;
  /** The problems of the last save or validation: shown before publishing. */
  problems: readonly RuleProblem[];
  /** Saves what is waiting first; false when it could not. */
  flush: () => Promise<boolean>;
  onProblems: (problems: RuleProblem[]) => void;
  onFlash: (flash: Flash) => void;
  onGoTo: (problem: RuleProblem) => void;
}

type Open = null | 'publish' | 'archive' | 'rollback';

function problemsOf(error: unknown): RuleProblem[] | null {
  if (!(error instanceof ApiProblem)) return null;
  const list = error.body.problems;
  return Array.isArray(list) ? (list as RuleProblem[]) : null;
}

const NOT_SAVED = new Error('Your latest changes are not saved yet (see the message at the top); resolve that first.');

/**
 * What a planner can do with this version: validate, publish and archive a draft; make a draft of,
 * roll back to or archive a published one. Every step that cannot be undone asks first.
 */
export function LifecycleActions({ ruleSet, doc, problems, flush, onProblems, onFlash, onGoTo }: LifecycleActionsProps) {
  const id = ruleSet.id;
  const navigate = useNavigate();
  const validate = useValidate(id);
  const publish = usePublish(id);
  const archive = useArchive(id);
  const rollback = useRollback(id);
  const createDraft = useCreateDraft(id);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const [publishProblems, setPublishProblems] = useState<RuleProblem[] | null>(null);
  const busy = validate.isPending || publish.isPending || archive.isPending || rollback.isPending || createDraft.isPending;
  const draft = ruleSet.status === 'draft';
  // An archived draft was never published (no publishedAt): there is nothing to roll back to.
  const wasPublished = Boolean(ruleSet.publishedAt);
  const reasonId = useId();

  function close() {
    setOpen(null);
    setError(null);
    setComment('');
    setCommentError(undefined);
    setPublishProblems(null);
  }

  async function onValidate() {
    setError(null);
    if (!(await flush())) return setError(NOT_SAVED);
    try {
      const result = await validate.mutateAsync();
      onProblems(result.problems);
      const { errors, warnings } = countBySeverity(result.problems);
      onFlash(errors === 0
        ? { tone: 'ok', text: `No errors: this draft can be published.${warnings ? ` ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} to look at.` : ''}` }
        : { tone: 'warn', text: `${errors} ${errors === 1 ? 'error' : 'errors'} to fix before publishing${warnings ? `, and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}. See Problems.` });
    } catch (e) {
      setError(e);
    }
  }

  async function onPublish(event: FormEvent) {
    event.preventDefault();
    if (!comment.trim()) {
      setCommentError('Say in a few words what changed and why; it is kept in the history.');
      return;
    }
    setError(null);
    setPublishProblems(null);
    if (!(await flush())) return setError(NOT_SAVED);
    try {
      const published = await publish.mutateAsync(comment.trim());
      close();
      // The confirmation is at the top of the page: bring it into view.
      document.body.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
      onFlash({ tone: 'ok', text: `Published ${versionLabel(published)}: it is now the version in force for ${published.segment}.` });
    } catch (e) {
      const problems = problemsOf(e);
      if (problems) {
        onProblems(problems);
        setPublishProblems(problems);
      }
      setError(e);
    }
  }

  async function onArchive() {
    setError(null);
    try {
      await archive.mutateAsync();
      close();
      onFlash({ tone: 'info', text: `Archived ${versionLabel(ruleSet)}.` });
    } catch (e) {
      setError(e);
    }
  }

  async function onRollback(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await rollback.mutateAsync(comment.trim() || `Roll back to ${versionLabel(ruleSet)}`);
      close();
      navigate(`/rulesets/${encodeURIComponent(created.id)}`, {
        state: { flash: { tone: 'ok', text: `Rolled back: ${versionLabel(created)} is now in force with the content of ${versionLabel(ruleSet)}.` } },
      });
    } catch (e) {
      const problems = problemsOf(e);
      if (problems) onProblems(problems);
      setError(e);
    }
  }

  async function onCreateDraft() {
    setError(null);
    try {
      const created = await createDraft.mutateAsync();
      navigate(`/rulesets/${encodeURIComponent(created.id)}`, {
        state: { flash: { tone: 'ok', text: `New draft created from ${versionLabel(ruleSet)}. Changes save as you type.` } },
      });
    } catch (e) {
      setError(e);
    }
  }

  // What publishing would meet: the problems of the last save or validation (or of the refusal just now).
  const known = publishProblems ?? problems;
  const errorList = known.filter((p) => p.severity !== 'warning');
  const warningList = known.filter((p) => p.severity === 'warning');
  const errors = countBySeverity(known).errors;
  const refused = publishProblems !== null && error instanceof ApiProblem;
  const problemButton = (p: RuleProblem, i: number) => (
    <li key={`${p.pointer}-${p.code}-${i}`}>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => { close(); onGoTo(p); }}>
        {describeLocation(p.pointer, doc, { byName: true })}: {plannerMessage(p.message)}
      </button>
    </li>
  );
  return (
    <>
      <div className="toolbar ed-actions" role="group" aria-label="Rule set actions">
        {draft ? (
          <>
            <button type="button" className="btn" disabled={busy} onClick={onValidate}>{validate.isPending ? 'Validating…' : 'Validate'}</button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setOpen('publish')}>Publish…</button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setOpen('archive')}>Archive draft</button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={onCreateDraft}>
              {createDraft.isPending ? 'Creating draft…' : 'Create draft from this version'}
            </button>
            {!ruleSet.active && wasPublished && (
              <button type="button" className="btn" disabled={busy} onClick={() => setOpen('rollback')}>Roll back to this version</button>
            )}
            {ruleSet.status === 'published' && !ruleSet.active && (
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setOpen('archive')}>Archive</button>
            )}
          </>
        )}
      </div>
      {open === null && error !== null && <ProblemNotice problem={error} onDismiss={() => setError(null)} />}

      {open === 'publish' && (
        <Dialog title={`Publish ${versionLabel(ruleSet)} for ${ruleSet.segment}`} onClose={close} wide>
          <form onSubmit={onPublish} noValidate>
            <p>Once published, this draft decides every order of segment <strong>{ruleSet.segment}</strong> and can no longer change. You can roll back later.</p>
            <Field label="Publish comment" help="What changed and why, for the history (e.g. “VIP hold raised to 20 % for the holidays”)." error={commentError}>
              {({ id: fieldId, describedBy, invalid }) => (
                <textarea id={fieldId} aria-describedby={describedBy} aria-invalid={invalid || undefined} rows={3} value={comment}
                  onChange={(e) => { setComment(e.target.value); setCommentError(undefined); }} data-autofocus />
              )}
            </Field>
            {errorList.length > 0 && (
              <div className="ed-publish-problems">
                <p><strong>{countWords(errors, 'error')} must be fixed first.</strong> They are also shown at their fields; choose one to go there.</p>
                <ul>{errorList.slice(0, 12).map(problemButton)}</ul>
                {errorList.length > 12 && <p className="muted">…and {errorList.length - 12} more in Problems.</p>}
              </div>
            )}
            {warningList.length > 0 && (
              <div className="ed-publish-problems ed-publish-warnings">
                <p>
                  <strong>{countWords(warningList.length, 'warning')}.</strong>{' '}
                  {errors === 0 ? 'Check them before you publish; if they are intended, publish anyway.' : 'Check them too.'}
                </p>
                <ul>{warningList.slice(0, 12).map(problemButton)}</ul>
                {warningList.length > 12 && <p className="muted">…and {warningList.length - 12} more in Problems.</p>}
              </div>
            )}
            {error !== null && !refused && <ProblemNotice problem={error} />}
            {errors > 0 && <p id={reasonId} className="ed-publish-reason">Publish is not possible while there {errors === 1 ? 'is an error' : 'are errors'}: fix {errors === 1 ? 'it' : 'them'} first.</p>}
            <div className="ed-dialog-actions">
              <button type="button" className="btn" onClick={close}>Cancel</button>
              <button type="submit" className="btn btn-primary" disabled={busy || errors > 0} aria-describedby={errors > 0 ? reasonId : undefined}>
                {publish.isPending ? 'Publishing…' : 'Publish'}
              </button>
            </div>
          </form>
        </Dialog>
      )}

      {open === 'archive' && (
        <Dialog title={draft ? 'Archive this draft?' : `Archive ${versionLabel(ruleSet)}?`} onClose={close}
          actions={(
            <>
              <button type="button" className="btn" onClick={close} data-autofocus>Cancel</button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={onArchive}>{archive.isPending ? 'Archiving…' : draft ? 'Archive draft' : 'Archive'}</button>
            </>
          )}>
          <p>{draft
            ? 'The draft is kept in the history but can no longer be edited or published.'
            : 'The version is kept in the history; it can still be rolled back to or copied into a new draft.'}</p>
          {error !== null && <ProblemNotice problem={error} />}
        </Dialog>
      )}

      {open === 'rollback' && (
        <Dialog title={`Roll back to ${versionLabel(ruleSet)}?`} onClose={close} wide>
          <form onSubmit={onRollback}>
            <p>The content of {versionLabel(ruleSet)} is published again as a new version and decides orders of <strong>{ruleSet.segment}</strong> from now on.</p>
            <Field label="Rollback comment" help="Why you roll back, for the history.">
              {({ id: fieldId, describedBy }) => (
                <textarea id={fieldId} aria-describedby={describedBy} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} data-autofocus />
              )}
            </Field>
            {error !== null && <ProblemNotice problem={error} />}
            <div className="ed-dialog-actions">
              <button type="button" className="btn" onClick={close}>Cancel</button>
              <button type="submit" className="btn btn-primary" disabled={busy}>{rollback.isPending ? 'Rolling back…' : 'Roll back'}</button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
