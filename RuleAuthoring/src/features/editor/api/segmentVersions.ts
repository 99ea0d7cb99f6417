import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import type { RuleSet } from '../../../lib/types';

/** Every version of a segment (without documents): which one is in force, for "Compare with version in force". */
export function fetchSegmentVersions(segment: string, signal?: AbortSignal): Promise<RuleSet[]> {
  return get<RuleSet[]>(`/v1/rulesets?segment=${encodeURIComponent(segment)}`, signal);
}

export function useSegmentVersions(segment: string | undefined) {
  return useQuery({
    queryKey: ['rulesets', { segment }],
    queryFn: ({ signal }) => fetchSegmentVersions(segment!, signal),
    enabled: !!segment,
  });
}
