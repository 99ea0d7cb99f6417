import type { RuleSetDocument } from '../../../lib/types';

/**
 * A copy of a draft's unsaved document in this browser, so that a closed tab, a crash or a lost connection
 * never loses a planner's work. Kept with the revision it was based on, cleared once the service has it.
 */
export interface DraftBackup {
  revision: number;
  /** ISO instant of the last change. */
  savedAt: string;
  document: RuleSetDocument;
}

export function backupKey(ruleSetId: string): string {
  return `inventoryrules.draft.${ruleSetId}`;
}

export function readBackup(ruleSetId: string): DraftBackup | null {
  try {
    const text = localStorage.getItem(backupKey(ruleSetId));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<DraftBackup>;
    if (typeof value.revision !== 'number' || typeof value.savedAt !== 'string' || typeof value.document !== 'object' || !value.document) return null;
    return value as DraftBackup;
  } catch {
    return null;
  }
}

export function writeBackup(ruleSetId: string, backup: DraftBackup): void {
  try {
    localStorage.setItem(backupKey(ruleSetId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the autosave still runs; the backup is a safety net only.
  }
}

export function clearBackup(ruleSetId: string): void {
  try {
    localStorage.removeItem(backupKey(ruleSetId));
  } catch {
    // ignore: see writeBackup
  }
}
