import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { RuleSetEditor } from '../../features/editor/components/RuleSetEditor';
import type { EditorTab } from '../../features/editor/components/RuleSetWorkspace';
// The features this page composes; features never import each other, the route wires them together.
import { SimulatePanel } from '../../features/simulate/components/SimulatePanel';
import { FeedbackThread } from '../../features/feedback/components/FeedbackThread';
import { useComments } from '../../features/feedback/api/comments';

const TABS: readonly EditorTab[] = ['rules', 'json', 'simulate', 'feedback'];

/** /rulesets/:id — the editor for one version, with simulation and feedback beside it. ?tab= and ?rule= open a view and a rule. */
export function RuleSetRoute() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const comments = useComments(id);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of comments.data ?? []) {
      if (c.ruleId !== null) map.set(c.ruleId, (map.get(c.ruleId) ?? 0) + 1);
    }
    return map;
  }, [comments.data]);
  const tab = search.get('tab');

  return (
    <RuleSetEditor
      key={id}
      ruleSetId={id}
      commentCounts={counts}
      renderSimulate={() => <SimulatePanel ruleSetId={id} />}
      renderFeedback={(ruleId) => <FeedbackThread key={ruleId ?? ''} ruleSetId={id} ruleId={ruleId} />}
      initialTab={TABS.find((t) => t === tab)}
      initialRuleId={search.get('rule')}
    />
  );
}
