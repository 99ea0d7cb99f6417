import { useState, type FormEvent } from 'react';
import { commentsFor, groupByRule, useAddComment, useComments, type RuleComment } from '../api/comments';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { useMe } from '../../../lib/auth';
import { formatInstant } from '../../../lib/format';
import { ApiProblem } from '../../../lib/problem';

/**
 * Feedback on one rule (ruleId) or, with ruleId null, on the whole version: every comment of the segment,
 * grouped by the rule it is about. Roles that may comment get a form to add theirs.
 */
export function FeedbackThread({ ruleSetId, ruleId }: { ruleSetId: string; ruleId: string | null }) {
  const me = useMe();
  const query = useComments(ruleSetId);
  const subject = ruleId ?? 'this version';
  const headingId = `feedback-${ruleSetId}-${ruleId ?? 'all'}`;

  return (
    <section className="feedback" aria-labelledby={headingId} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
      <h3 id={headingId}>
        Feedback{query.data ? ` (${commentsFor(query.data, ruleId).length})` : ''}
        {ruleId !== null && <span className="sr-only"> on rule {ruleId}</span>}
      </h3>
      {query.isPending && <Loading what="feedback" />}
      {query.isError && <ProblemNotice problem={query.error} />}
      {query.data && <CommentList comments={query.data} ruleId={ruleId} />}
      {me.permissions.comment && <AddFeedback ruleSetId={ruleSetId} ruleId={ruleId} subject={subject} />}
    </section>
  );
}

function CommentList({ comments, ruleId }: { comments: RuleComment[]; ruleId: string | null }) {
  const mine = commentsFor(comments, ruleId);
  if (mine.length === 0) {
    return <p className="muted feedback-empty">{ruleId === null ? 'No feedback on this rule set yet.' : 'No feedback on this rule yet.'}</p>;
  }
  if (ruleId !== null) return <Comments comments={mine} label={`Feedback on ${ruleId}`} />;
  return (
    <div className="feedback-groups">
      {groupByRule(mine).map((g) => (
        <div key={g.ruleId ?? '(whole)'} className="feedback-group">
          <h4>{g.ruleId === null ? 'The rule set as a whole' : <>Rule <span className="mono">{g.ruleId}</span></>}</h4>
          <Comments comments={g.comments} label={g.ruleId === null ? 'Feedback on the rule set as a whole' : `Feedback on ${g.ruleId}`} />
        </div>
      ))}
    </div>
  );
}

function Comments({ comments, label }: { comments: RuleComment[]; label: string }) {
  return (
    <ol className="feedback-list" aria-label={label}>
      {comments.map((c) => (
        <li key={c.id} className="feedback-item">
          <div className="feedback-meta">
            <strong>{c.author}</strong>{' '}
            <span className={`badge feedback-role role-${c.role}`}>{c.role}</span>{' '}
            <span className="muted">on v{c.version}</span>{' · '}
            <time className="muted" dateTime={c.createdAt}>{formatInstant(c.createdAt)}</time>
          </div>
          <p className="feedback-body">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}

function AddFeedback({ ruleSetId, ruleId, subject }: { ruleSetId: string; ruleId: string | null; subject: string }) {
  const add = useAddComment(ruleSetId);
  const [body, setBody] = useState('');
  const [blank, setBlank] = useState(false);

  const problem = add.error instanceof ApiProblem ? add.error : null;
  const bodyErrors = problem ? problem.errors.filter((e) => e.field === 'body').map((e) => e.message) : [];
  const rest = problem ? withoutFields(problem, ['body']) : add.error;
  const errors = blank ? ['Write your feedback first.', ...bodyErrors] : bodyErrors;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setBlank(true);
      return;
    }
    setBlank(false);
    add.mutate({ ruleId, body: body.trim() }, { onSuccess: () => setBody('') });
  }

  return (
    <form className="feedback-form" onSubmit={submit} noValidate>
      <Field label={`Feedback on ${subject}`} error={errors.length ? errors : undefined}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={body}
            onChange={(e) => { setBody(e.target.value); if (blank) setBlank(false); }} rows={3} maxLength={4000} />
        )}
      </Field>
      {rest ? <ProblemNotice problem={rest} onDismiss={() => add.reset()} /> : null}
      <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add feedback'}
      </button>
    </form>
  );
}

/** The same problem (title, detail, code) without the field errors already shown beside their fields. */
function withoutFields(problem: ApiProblem, fields: string[]): ApiProblem {
  const left = problem.errors.filter((e) => !fields.includes(e.field));
  return left.length === problem.errors.length ? problem : new ApiProblem(problem.status, { ...problem.body, errors: left });
}
