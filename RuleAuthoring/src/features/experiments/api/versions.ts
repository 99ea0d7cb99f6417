import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import type { RuleSet } from '../../../lib/types';

/** The versions an experiment may compare: published or archived ones (immutable), newest first, per segment. */
export interface SegmentVersions {
  segment: string;
  versions: RuleSet[];
}

export function useComparableVersions() {
  return useQuery({
    queryKey: ['rulesets'],
    queryFn: ({ signal }) => get<RuleSet[]>('/v1/rulesets', signal),
    select: comparableBySegment,
  });
}

export function comparableBySegment(ruleSets: RuleSet[]): SegmentVersions[] {
  const bySegment = new Map<string, RuleSet[]>();
  for (const r of ruleSets) {
    const list = bySegment.get(r.segment) ?? [];
    // A segment with drafts only is still listed, so that the form can say why it has nothing to compare.
    if (r.status !== 'draft') list.push(r);
    bySegment.set(r.segment, list);
  }
  return [...bySegment.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([segment, list]) => ({ segment, versions: list.sort((a, b) => b.version - a.version) }));
}

/** "v4 · VIP holds 30% (in force)". */
export function versionOption(v: RuleSet): string {
  const state = v.active ? 'in force' : v.status;
  return `v${v.version} · ${v.name} (${state})`;
}
