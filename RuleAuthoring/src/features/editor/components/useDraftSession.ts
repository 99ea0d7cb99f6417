import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../../lib/problem';
import type { RuleProblem, RuleSet, RuleSetDocument } from '../../../lib/types';
import { fetchRuleSet, ruleSetKey, saveDraft } from '../api/ruleSet';
import { validateRuleSet } from '../api/lifecycle';
import { AutosaveQueue, type SaveStatus } from '../lib/autosave';
import { clearBackup, readBackup, writeBackup, type DraftBackup } from '../lib/backup';
import { jsonEqual } from '../lib/document';

/** Who saved over the planner's edits, from the version read after the 412. */
export interface ConflictInfo {
  revision: number;
  author: string;
  updatedAt: string;
}

/**
 * A backup of unsaved changes found on arrival. "restored": based on the revision the service still has,
 * so it is the document now (and is being saved). "stale": someone saved since; the planner chooses.
 * "orphaned": the draft was published or archived meanwhile; the changes can only be copied out.
 */
export type BackupNotice = { kind: 'restored' | 'stale' | 'orphaned'; backup: DraftBackup; serverRevision: number };

function documentOf(ruleSet: RuleSet): RuleSetDocument {
  return ruleSet.document ?? { segment: ruleSet.segment, name: ruleSet.name, rules: [] };
}

interface InitialState {
  doc: RuleSetDocument;
  /** The document as the service had it on arrival (what "Discard" of a restored backup goes back to). */
  serverDoc: RuleSetDocument;
  notice: BackupNotice | null;
}

function initialState(ruleSet: RuleSet, editable: boolean): InitialState {
  const serverDoc = documentOf(ruleSet);
  const backup = readBackup(ruleSet.id);
  const none = { doc: serverDoc, serverDoc, notice: null };
  if (!backup) return none;
  if (jsonEqual(backup.document, serverDoc)) {
    clearBackup(ruleSet.id);
    return none;
  }
  if (ruleSet.status !== 'draft') {
    // Published or archived before these changes were saved: they cannot go in any more, but are not dropped unseen.
    return { ...none, notice: { kind: 'orphaned', backup, serverRevision: ruleSet.revision } };
  }
  if (!editable) return none;
  if (backup.revision === ruleSet.revision) {
    return { doc: backup.document, serverDoc, notice: { kind: 'restored', backup, serverRevision: ruleSet.revision } };
  }
  return { ...none, notice: { kind: 'stale', backup, serverRevision: ruleSet.revision } };
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 412 || (error.code === 'version_conflict' && error.status !== 409));
}

/**
 * One editing session of a version: the document as edited, its problems, the autosave (debounced,
 * serialised, If-Match on the revision read), conflicts, and the local backup of unsaved changes.
 */
export function useDraftSession(ruleSet: RuleSet, editable: boolean) {
  const id = ruleSet.id;
  const queryClient = useQueryClient();
  const [init] = useState(() => initialState(ruleSet, editable));
  const [doc, setDocState] = useState(init.doc);
  const docRef = useRef(doc);
  const [problems, setProblems] = useState<RuleProblem[]>(ruleSet.problems ?? []);
  const [checked, setChecked] = useState(ruleSet.problems != null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: null });
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [backupNotice, setBackupNotice] = useState<BackupNotice | null>(init.notice);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const savedOnce = useRef(false);

  const [queue] = useState(() => new AutosaveQueue<RuleSetDocument, RuleSet>({
    revision: ruleSet.revision,
    save: (d, revision) => saveDraft(id, d, revision),
    isConflict,
    onStatus: setStatus,
    onSaved: (saved, more) => {
      savedOnce.current = true;
      setProblems(saved.problems ?? []);
      setChecked(true);
      queryClient.setQueryData(ruleSetKey(id), saved);
      if (more && queue.unsaved) writeBackup(id, { revision: saved.revision, savedAt: new Date().toISOString(), document: queue.unsaved });
      else if (!more) clearBackup(id);
    },
  }));

  useEffect(() => () => queue.dispose(), [queue]);

  // Problems of what is on screen at once: the service validates the stored document (a restored backup
  // is validated by its save instead).
  useEffect(() => {
    if (init.notice?.kind === 'restored') {
      queue.change(init.doc);
      return;
    }
    let live = true;
    validateRuleSet(id)
      .then((result) => { if (live && !savedOnce.current) setProblems(result.problems); })
      .catch(() => { /* the save's answer or the Validate button will tell */ })
      .finally(() => { if (live) setChecked(true); });
    return () => { live = false; };
  }, [id, init, queue]);

  // After a 412: who saved, and when, in words.
  useEffect(() => {
    if (status.state !== 'conflict') return;
    let live = true;
    fetchRuleSet(id)
      .then((latest) => { if (live) setConflict({ revision: latest.revision, author: latest.updatedBy ?? latest.author, updatedAt: latest.updatedAt }); })
      .catch(() => { if (live) setConflict({ revision: NaN, author: 'someone', updatedAt: '' }); });
    return () => { live = false; };
  }, [id, status.state]);

  const setDoc = useCallback((update: RuleSetDocument | ((current: RuleSetDocument) => RuleSetDocument)) => {
    if (!editable) return;
    const next = typeof update === 'function' ? update(docRef.current) : update;
    if (next === docRef.current) return;
    docRef.current = next;
    setDocState(next);
    writeBackup(id, { revision: queue.revision, savedAt: new Date().toISOString(), document: next });
    queue.change(next);
  }, [editable, id, queue]);

  /** Saves now; true once everything is saved. False while the JSON does not parse, after a failure or a conflict. */
  const flush = useCallback(async () => (jsonError ? false : queue.flush()), [jsonError, queue]);

  /** Conflict: read the revision now in force and save this document over it. */
  const keepMine = useCallback(async () => {
    const latest = await fetchRuleSet(id);
    if (latest.status !== 'draft') {
      queryClient.setQueryData(ruleSetKey(id), latest);
      return false;
    }
    setConflict(null);
    return queue.overwrite(latest.revision);
  }, [id, queue, queryClient]);

  /** Conflict: drop this document and show theirs. */
  const reloadTheirs = useCallback(async () => {
    const latest = await fetchRuleSet(id);
    queue.reset(latest.revision);
    clearBackup(id);
    const next = documentOf(latest);
    docRef.current = next;
    setDocState(next);
    setConflict(null);
    setJsonError(null);
    queryClient.setQueryData(ruleSetKey(id), latest);
    const result = await validateRuleSet(id).catch(() => null);
    if (result) setProblems(result.problems);
  }, [id, queue, queryClient]);

  const retry = useCallback(() => { void queue.flush(); }, [queue]);

  const restoreBackup = useCallback(() => {
    if (!backupNotice) return;
    setDoc(backupNotice.backup.document);
    setBackupNotice(null);
  }, [backupNotice, setDoc]);

  const discardBackup = useCallback(() => {
    if (!backupNotice) return;
    if (backupNotice.kind === 'restored') setDoc(init.serverDoc);
    else clearBackup(id);
    setBackupNotice(null);
  }, [backupNotice, id, init, setDoc]);

  const hasUnsaved = status.state !== 'saved' || jsonError !== null;

  return {
    doc, setDoc, editable,
    problems, setProblems, checked,
    status, hasUnsaved, flush, retry,
    conflict: status.state === 'conflict' ? conflict ?? { revision: NaN, author: '', updatedAt: '' } : null,
    keepMine, reloadTheirs,
    backupNotice, restoreBackup, discardBackup, dismissBackupNotice: () => setBackupNotice(null),
    jsonError, setJsonError,
  };
}

export type DraftSession = ReturnType<typeof useDraftSession>;
