import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../../../lib/api';
import type { RuleSet } from '../../../lib/types';

/** Every version of every segment's rule set (without documents), for the overview. */
export function useRuleSets() {
  return useQuery({ queryKey: ['rulesets'], queryFn: ({ signal }) => get<RuleSet[]>('/v1/rulesets', signal) });
}

export interface SegmentSummary {
  segment: string;
  /** The version deciding orders now, if any. */
  live: RuleSet | null;
  drafts: RuleSet[];
  versions: RuleSet[];
}

/** Groups versions by segment: the live one, open drafts, and all versions newest first. */
export function groupBySegment(ruleSets: RuleSet[]): SegmentSummary[] {
  const bySegment = new Map<string, RuleSet[]>();
  for (const r of ruleSets) {
    const list = bySegment.get(r.segment) ?? [];
    list.push(r);
    bySegment.set(r.segment, list);
  }
  return [...bySegment.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([segment, list]) => {
      const versions = [...list].sort((a, b) => b.version - a.version || b.updatedAt.localeCompare(a.updatedAt));
      return {
        segment,
        live: versions.find((v) => v.active) ?? null,
        drafts: versions.filter((v) => v.status === 'draft'),
        versions,
      };
    });
}

/** A new draft with the content of a version (usually the one in force): POST /v1/rulesets/{id}/drafts. */
export function useCreateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fromId: string) => (await request<RuleSet>(`/v1/rulesets/${encodeURIComponent(fromId)}/drafts`, { method: 'POST' })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rulesets'] }),
  });
}
