import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { useRuleSet } from '../api/ruleSet';
import type { Flash } from './LifecycleActions';
import { RuleSetWorkspace, type EditorTab } from './RuleSetWorkspace';

export interface RuleSetEditorProps {
  ruleSetId: string;
  /** Feedback comments per rule id, for the speech bubbles in the rule list. */
  commentCounts?: ReadonlyMap<string, number>;
  /** The Simulate tab's content (composed by the route from the simulate feature). */
  renderSimulate?: () => ReactNode;
  /** Feedback on one rule (beside its form) or, with null, on the whole version (the Feedback tab). */
  renderFeedback?: (ruleId: string | null) => ReactNode;
  /** The tab to open first (e.g. from ?tab=json). */
  initialTab?: EditorTab;
  /** The rule to select first, by id (e.g. from ?rule=vip-hold). */
  initialRuleId?: string | null;
}

const NO_COMMENTS: ReadonlyMap<string, number> = new Map();

/**
 * The rule set page: loads the version and hands it to the workspace. The workspace is started afresh
 * when the version changes state (published, archived), so what is editable always follows the status.
 */
export function RuleSetEditor({ ruleSetId, commentCounts = NO_COMMENTS, renderSimulate, renderFeedback, initialTab, initialRuleId }: RuleSetEditorProps) {
  const query = useRuleSet(ruleSetId);
  const location = useLocation();
  const incoming = (location.state as { flash?: Flash } | null)?.flash ?? null;
  const [flash, setFlash] = useState<Flash | null>(incoming);

  // A message carried by the navigation that brought us here ("Rolled back: …", "New draft created …").
  useEffect(() => {
    if (incoming) setFlash(incoming);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 12_000);
    return () => clearTimeout(timer);
  }, [flash]);

  if (query.isPending) return <Loading what="the rule set" />;
  if (query.isError) {
    return (
      <section aria-labelledby="ruleset-error">
        <h1 id="ruleset-error">Rule set {ruleSetId}</h1>
        <ProblemNotice problem={query.error} />
        <p><Link to="/rulesets">Back to rule sets</Link></p>
      </section>
    );
  }
  return (
    <RuleSetWorkspace
      key={`${query.data.id}:${query.data.status}`}
      ruleSet={query.data}
      commentCounts={commentCounts}
      renderSimulate={renderSimulate}
      renderFeedback={renderFeedback}
      flash={flash}
      onFlash={setFlash}
      initialTab={initialTab}
      initialRuleId={initialRuleId}
    />
  );
}
