import { useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api';
import type { RuleSet, RuleSetDocument } from '../../../lib/types';

export function ruleSetPath(id: string): string {
  return `/v1/rulesets/${encodeURIComponent(id)}`;
}

export function ruleSetKey(id: string) {
  return ['ruleset', id] as const;
}

/** One version with its document; its revision is what a save sends back as If-Match. */
export async function fetchRuleSet(id: string, signal?: AbortSignal): Promise<RuleSet> {
  return (await request<RuleSet>(ruleSetPath(id), { signal })).data;
}

export function useRuleSet(id: string) {
  return useQuery({ queryKey: ruleSetKey(id), queryFn: ({ signal }) => fetchRuleSet(id, signal), refetchOnWindowFocus: false });
}

/**
 * Replaces a draft's document. Refused with 412 (version_conflict) when someone saved since `revision`;
 * answers the saved version with its validation problems (a draft may be saved while invalid).
 */
export async function saveDraft(id: string, document: RuleSetDocument, revision: number): Promise<RuleSet> {
  return (await request<RuleSet>(ruleSetPath(id), { method: 'PUT', body: document, ifMatch: revision })).data;
}
