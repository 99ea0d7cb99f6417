import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api';
import type { RuleProblem, RuleSet } from '../../../lib/types';
import { ruleSetKey, ruleSetPath } from './ruleSet';

export interface ValidationResult {
  valid: boolean;
  problems: RuleProblem[];
}

export async function validateRuleSet(id: string): Promise<ValidationResult> {
  return (await request<ValidationResult>(`${ruleSetPath(id)}/validate`, { method: 'POST' })).data;
}

/** Publishes a draft: it becomes the version in force. 422 (ruleset_invalid) carries `problems`. */
export async function publishRuleSet(id: string, comment: string): Promise<RuleSet> {
  return (await request<RuleSet>(`${ruleSetPath(id)}/publish`, { method: 'POST', body: { comment } })).data;
}

export async function archiveRuleSet(id: string): Promise<RuleSet> {
  return (await request<RuleSet>(`${ruleSetPath(id)}/archive`, { method: 'POST' })).data;
}

/** Publishes this earlier version's content again as a new version (201 with it). */
export async function rollbackRuleSet(id: string, comment: string): Promise<RuleSet> {
  return (await request<RuleSet>(`${ruleSetPath(id)}/rollback`, { method: 'POST', body: { comment } })).data;
}

/** A new draft with this version's content. */
export async function createDraftFrom(id: string): Promise<RuleSet> {
  return (await request<RuleSet>(`${ruleSetPath(id)}/drafts`, { method: 'POST' })).data;
}

/**
 * Every list, history and version of the segment may change with a lifecycle step (rare, deliberate):
 * everything cached is marked stale, and this version is read again.
 */
function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ruleSetKey(id) });
    void queryClient.invalidateQueries();
  };
}

export function useValidate(id: string) {
  return useMutation({ mutationFn: () => validateRuleSet(id) });
}

export function usePublish(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (comment: string) => publishRuleSet(id, comment), onSuccess: () => refresh() });
}

export function useArchive(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: () => archiveRuleSet(id), onSuccess: () => refresh() });
}

export function useRollback(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (comment: string) => rollbackRuleSet(id, comment), onSuccess: () => refresh() });
}

export function useCreateDraft(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: () => createDraftFrom(id), onSuccess: () => refresh() });
}
