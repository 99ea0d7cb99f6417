import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../../../lib/api';
import type { RuleSet } from '../../../lib/types';

/** Every version of a segment (without documents), newest first: the highest version, then the latest made. */
export function useSegmentVersions(segment: string) {
  return useQuery({
    queryKey: ['rulesets', 'segment', segment],
    queryFn: async ({ signal }) => newestFirst(await get<RuleSet[]>(`/v1/rulesets?segment=${encodeURIComponent(segment)}`, signal)),
  });
}

export function newestFirst(versions: RuleSet[]): RuleSet[] {
  return [...versions].sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt));
}

/**
 * The version a row is compared with by "Compare with previous": a draft's own base when known, otherwise
 * the nearest older version that was published (drafts never decided an order). Null for the first.
 */
export function previousVersion(versions: RuleSet[], of: RuleSet): RuleSet | null {
  if (of.status === 'draft' && of.basedOn) {
    const base = versions.find((v) => v.id === of.basedOn);
    if (base) return base;
  }
  const older = versions.filter((v) => v.id !== of.id && v.status !== 'draft'
    && (of.status === 'draft' ? v.version <= of.version : v.version < of.version));
  return older.sort((a, b) => b.version - a.version)[0] ?? null;
}

/** /diff from the older to the newer of two versions, whichever order they were picked in. */
export function diffLink(a: RuleSet, b: RuleSet): string {
  const [from, to] = a.version < b.version || (a.version === b.version && a.createdAt <= b.createdAt) ? [a, b] : [b, a];
  return `/diff?from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}`;
}

/** Publishes an earlier version's content again as a new version, which goes in force at once. */
export function useRollback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, comment }: { id: string; comment: string }) =>
      (await request<RuleSet>(`/v1/rulesets/${encodeURIComponent(id)}/rollback`, { method: 'POST', body: { comment: comment || null } })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rulesets'] }),
  });
}

/** A new draft with the content of any version. */
export function useNewDraftFrom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await request<RuleSet>(`/v1/rulesets/${encodeURIComponent(id)}/drafts`, { method: 'POST' })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rulesets'] }),
  });
}
