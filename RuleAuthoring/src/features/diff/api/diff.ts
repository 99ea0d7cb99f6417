import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import type { RuleSet } from '../../../lib/types';

/** A value that differs, by JSON pointer (relative to the document, or to the rule for rule fields). Absent sides are left out. */
export interface FieldChange {
  pointer: string;
  from?: unknown;
  to?: unknown;
}

export type RuleChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface RuleChange {
  id: string;
  kind?: string | null;
  change: RuleChangeKind;
  fromIndex?: number | null;
  toIndex?: number | null;
  fields: FieldChange[];
}

/** GET /v1/rulesets/diff?from=&to= (Rules/Versions/RuleSetDiff.cs `Result`). */
export interface DiffResult {
  fields: FieldChange[];
  rules: RuleChange[];
  added?: number;
  removed?: number;
  changed?: number;
  moved?: number;
}

export function useDiff(from: string, to: string) {
  return useQuery({
    queryKey: ['diff', from, to],
    enabled: Boolean(from && to),
    queryFn: ({ signal }) => get<DiffResult>(`/v1/rulesets/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, signal),
  });
}

/** One version with its document. */
export function useVersion(id: string) {
  return useQuery({
    queryKey: ['diff', 'ruleset', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => get<RuleSet>(`/v1/rulesets/${encodeURIComponent(id)}`, signal),
  });
}

/** Every version of every segment (without documents), to pick from. */
export function useAllVersions() {
  return useQuery({ queryKey: ['rulesets'], queryFn: ({ signal }) => get<RuleSet[]>('/v1/rulesets', signal) });
}
