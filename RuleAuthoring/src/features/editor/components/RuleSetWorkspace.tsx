import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMe } from '../../../lib/auth';
import type { Rule, RuleProblem, RuleSet } from '../../../lib/types';
import { useExpressionInputs } from '../api/inputs';
import { addRule, deleteRule, duplicateRule, moveRule, updateRule } from '../lib/document';
import { newRule } from '../lib/newRule';
import { countBySeverity, placeProblems, ruleIndexOf } from '../lib/pointer';
import { AddRuleDialog } from './AddRuleDialog';
import { Dialog } from './Dialog';
import { FormContext, type FormContextValue } from './FormContext';
import { JsonView } from './JsonView';
import { LeaveGuard } from './LeaveGuard';
import { LifecycleActions, type Flash } from './LifecycleActions';
import { ProblemsPanel } from './ProblemsPanel';
import { RuleForm } from './RuleForm';
import { RuleList, ruleTitle } from './RuleList';
import { RuleSetHeader } from './RuleSetHeader';
import { SaveStatusText } from './SaveStatusText';
import { BackupNotice, ConflictNotice } from './SessionNotices';
import { SettingsForm } from './SettingsForm';
import { panelId, tabId, Tabs, type TabItem } from './Tabs';
import { useDraftSession } from './useDraftSession';

export type EditorTab = 'rules' | 'json' | 'simulate' | 'feedback';

type Selection = number | 'settings';

interface WorkspaceProps {
  ruleSet: RuleSet;
  commentCounts: ReadonlyMap<string, number>;
  renderSimulate?: () => ReactNode;
  renderFeedback?: (ruleId: string | null) => ReactNode;
  flash: Flash | null;
  onFlash: (flash: Flash | null) => void;
  initialTab?: EditorTab;
  initialRuleId?: string | null;
}

const TAB_PREFIX = 'ruleset';

/** Header, notices, and the four tabs: Rules (list, form, problems, feedback), JSON, Simulate, Feedback. */
export function RuleSetWorkspace({ ruleSet, commentCounts, renderSimulate, renderFeedback, flash, onFlash, initialTab, initialRuleId }: WorkspaceProps) {
  const me = useMe();
  const canAuthor = me.permissions.authorRules;
  const editable = canAuthor && ruleSet.status === 'draft';
  const session = useDraftSession(ruleSet, editable);
  const { doc, setDoc } = session;
  const vocabulary = useExpressionInputs();
  const [tab, setTab] = useState<EditorTab>(initialTab ?? 'rules');
  const [jsonOpened, setJsonOpened] = useState(tab === 'json');
  const [selection, setSelection] = useState<Selection>(() => {
    const byId = initialRuleId ? doc.rules.findIndex((r) => r.id === initialRuleId) : -1;
    return byId >= 0 ? byId : doc.rules.length > 0 ? 0 : 'settings';
  });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ pointer: string } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const placed = useMemo(() => placeProblems(session.problems, doc), [session.problems, doc]);
  const formContext = useMemo<FormContextValue>(
    () => ({ readOnly: !editable, placed, vocabulary, segment: doc.segment }),
    [editable, placed, vocabulary, doc.segment],
  );
  const selectedIndex = typeof selection === 'number' && selection < doc.rules.length ? selection : null;
  const selectedRule = selectedIndex === null ? null : doc.rules[selectedIndex]!;

  useEffect(() => {
    if (!focusRequest || !rootRef.current) return;
    const target = [...rootRef.current.querySelectorAll<HTMLElement>('[data-pointer]')]
      .find((el) => el.dataset.pointer === focusRequest.pointer);
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
    }
    setFocusRequest(null);
  }, [focusRequest]);

  function selectTab(next: EditorTab) {
    setTab(next);
    if (next === 'json') setJsonOpened(true);
    // The simulation runs on the saved draft: save what is waiting first.
    if (next === 'simulate' && editable) void session.flush();
  }

  function goTo(problem: RuleProblem) {
    const index = ruleIndexOf(problem.pointer);
    const inRule = index !== null && index < doc.rules.length;
    setSelection(inRule ? index : 'settings');
    setTab('rules');
    setFocusRequest({ pointer: placed.fieldOf.get(problem) ?? (inRule ? `/rules/${index}` : '') });
  }

  function changeRule(index: number, rule: Rule) {
    setDoc((d) => updateRule(d, index, rule));
  }

  function move(from: number, to: number) {
    if (to < 0 || to >= doc.rules.length) return;
    setDoc((d) => moveRule(d, from, to));
    setSelection(to);
  }

  function add(kind: string) {
    const index = doc.rules.length;
    setDoc((d) => addRule(d, newRule(kind, d)));
    setAdding(false);
    setSelection(index);
    setTab('rules');
    setFocusRequest({ pointer: `/rules/${index}/name` });
  }

  function duplicate(index: number) {
    setDoc((d) => duplicateRule(d, index));
    setSelection(index + 1);
  }

  function remove(index: number) {
    setDoc((d) => deleteRule(d, index));
    setDeleting(null);
    const left = doc.rules.length - 1;
    setSelection(left === 0 ? 'settings' : Math.min(index, left - 1));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (editable) void session.flush();
    }
  }

  const { errors, warnings } = countBySeverity(session.problems);
  const tabs: TabItem<EditorTab>[] = [
    { key: 'rules', label: 'Rules', badge: errors + warnings > 0 ? String(errors + warnings) : undefined, badgeTone: errors > 0 ? 'error' : 'warning' },
    { key: 'json', label: 'JSON' },
    { key: 'simulate', label: 'Simulate' },
    { key: 'feedback', label: 'Feedback' },
  ];
  const settingsProblems = countBySeverity(session.problems.filter((p) => ruleIndexOf(p.pointer) === null));
  const readOnlyReason = !canAuthor
    ? `Read-only: your role (${me.role}) can read${me.permissions.comment ? ' and comment' : ''} but not change rule sets.`
    : ruleSet.status !== 'draft'
      ? `This version is ${ruleSet.active ? 'published and in force' : ruleSet.status} and cannot change. To change it, create a draft from it.`
      : null;

  return (
    <div className="ed-page" ref={rootRef} onKeyDown={onKeyDown}>
      <RuleSetHeader
        ruleSet={ruleSet}
        name={doc.name}
        saveStatus={editable ? <SaveStatusText status={session.status} jsonError={session.jsonError} onRetry={session.retry} /> : undefined}
        actions={canAuthor ? (
          <LifecycleActions ruleSet={ruleSet} doc={doc} problems={session.problems} flush={session.flush} onProblems={session.setProblems} onFlash={onFlash} onGoTo={goTo} />
        ) : undefined}
      />

      {readOnlyReason && <p className={`notice ${canAuthor ? 'notice-info' : 'notice-warn'} ed-readonly`} role="note">{readOnlyReason}</p>}
      {flash && (
        <div className={`notice notice-${flash.tone}`} role="status">
          <div className="notice-body">{flash.text}</div>
          <button type="button" className="btn btn-ghost" onClick={() => onFlash(null)} aria-label="Dismiss message">✕</button>
        </div>
      )}
      <ConflictNotice session={session} />
      <BackupNotice session={session} />
      {session.jsonError && tab !== 'json' && (
        <p className="notice notice-warn" role="note">
          The JSON tab has edits that are not valid JSON yet ({session.jsonError}); they are not applied or saved.
        </p>
      )}

      <Tabs tabs={tabs} selected={tab} onSelect={selectTab} label="Rule set views" idPrefix={TAB_PREFIX} />

      <FormContext.Provider value={formContext}>
        {tab === 'rules' && (
          <div role="tabpanel" id={panelId(TAB_PREFIX, 'rules')} aria-labelledby={tabId(TAB_PREFIX, 'rules')} className="ed-workspace">
            <section className="ed-sidebar" aria-label="Rules and settings">
              <button type="button" className={`ed-settings-link${selection === 'settings' ? ' ed-settings-selected' : ''}`}
                aria-current={selection === 'settings' ? 'true' : undefined} onClick={() => setSelection('settings')}>
                <span>Rule set settings</span>
                {settingsProblems.errors + settingsProblems.warnings > 0 && (
                  <span className={settingsProblems.errors ? 'ed-dot ed-dot-error' : 'ed-dot ed-dot-warning'}
                    aria-label={`${settingsProblems.errors + settingsProblems.warnings} problems`}>
                    {settingsProblems.errors + settingsProblems.warnings}
                  </span>
                )}
              </button>
              <div className="ed-sidebar-head">
                <h2>Rules <span className="muted">({doc.rules.length})</span></h2>
                {editable && <button type="button" className="btn btn-small btn-primary" onClick={() => setAdding(true)}>Add rule</button>}
              </div>
              <RuleList rules={doc.rules} selected={selectedIndex} onSelect={setSelection} placed={placed}
                commentCounts={commentCounts} onMove={editable ? move : undefined} />
              <p id="ed-rulelist-keys" className="muted ed-keys">↑ ↓ choose a rule{editable ? ' · Alt+↑ ↓ move it · earlier rules of a kind win' : ''}</p>
            </section>

            <div className="ed-center">
              {selectedRule && selectedIndex !== null ? (
                <RuleForm
                  key={`${selectedIndex}:${selectedRule.kind}`}
                  rule={selectedRule}
                  index={selectedIndex}
                  count={doc.rules.length}
                  onChange={(rule) => changeRule(selectedIndex, rule)}
                  onMove={(to) => move(selectedIndex, to)}
                  onDuplicate={() => duplicate(selectedIndex)}
                  onDelete={() => setDeleting(selectedIndex)}
                />
              ) : (
                <SettingsForm doc={doc} onChange={setDoc} />
              )}
            </div>

            <aside className="ed-aside" aria-label="Problems and feedback">
              <ProblemsPanel problems={session.problems} doc={doc} onGoTo={goTo} checked={session.checked} />
              {renderFeedback && (
                <div className="card ed-feedback">
                  {renderFeedback(selectedRule ? selectedRule.id : null)}
                </div>
              )}
            </aside>
          </div>
        )}

        {jsonOpened && (
          <div role="tabpanel" id={panelId(TAB_PREFIX, 'json')} aria-labelledby={tabId(TAB_PREFIX, 'json')} hidden={tab !== 'json'} className="ed-json-layout">
            <JsonView doc={doc} onChange={setDoc} onInvalid={session.setJsonError} readOnly={!editable} modelName={ruleSet.id} />
            <aside className="ed-aside" aria-label="Problems">
              <ProblemsPanel problems={session.problems} doc={doc} onGoTo={goTo} checked={session.checked} />
            </aside>
          </div>
        )}

        {tab === 'simulate' && (
          <div role="tabpanel" id={panelId(TAB_PREFIX, 'simulate')} aria-labelledby={tabId(TAB_PREFIX, 'simulate')} className="ed-tabpanel">
            {editable && session.hasUnsaved && <p className="notice notice-info" role="note">Saving your latest changes first: the simulation uses the saved draft.</p>}
            {renderSimulate ? renderSimulate() : <p className="muted">Simulation is not available.</p>}
          </div>
        )}

        {tab === 'feedback' && (
          <div role="tabpanel" id={panelId(TAB_PREFIX, 'feedback')} aria-labelledby={tabId(TAB_PREFIX, 'feedback')} className="ed-tabpanel">
            {renderFeedback ? renderFeedback(null) : <p className="muted">Feedback is not available.</p>}
          </div>
        )}
      </FormContext.Provider>

      {adding && <AddRuleDialog onPick={add} onClose={() => setAdding(false)} />}
      {deleting !== null && doc.rules[deleting] && (
        <Dialog
          title="Delete this rule?"
          onClose={() => setDeleting(null)}
          actions={(
            <>
              <button type="button" className="btn" onClick={() => setDeleting(null)} data-autofocus>Cancel</button>
              <button type="button" className="btn btn-danger" onClick={() => remove(deleting)}>Delete rule</button>
            </>
          )}
        >
          <p>“{ruleTitle(doc.rules[deleting]!)}” (<span className="mono">{doc.rules[deleting]!.id}</span>) is removed from this draft.</p>
          <p className="muted">The published version keeps it until this draft is published.</p>
        </Dialog>
      )}
      {editable && <LeaveGuard session={session} />}
    </div>
  );
}
