import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../../../lib/api';

/** Feedback left on a rule set version (or on one of its rules) by planners, analysts, operators and admins. */
export interface RuleComment {
  id: string | number;
  ruleSetId: string;
  segment: string;
  version: number;
  /** The rule commented on; null for feedback on the version as a whole. */
  ruleId: string | null;
  author: string;
  role: string;
  body: string;
  createdAt: string;
}

export interface NewComment {
  ruleId: string | null;
  body: string;
}

export function commentsPath(ruleSetId: string): string {
  return `/v1/rulesets/${encodeURIComponent(ruleSetId)}/comments`;
}

/** The service leaves ruleId out for feedback on the whole version; here it is always null then. */
function normalize(c: RuleComment): RuleComment {
  return { ...c, ruleId: c.ruleId ?? null };
}

/** All feedback on the segment of this version (every version), newest first. */
export async function fetchComments(ruleSetId: string, signal?: AbortSignal): Promise<RuleComment[]> {
  return (await get<RuleComment[]>(commentsPath(ruleSetId), signal)).map(normalize);
}

export async function addComment(ruleSetId: string, comment: NewComment): Promise<RuleComment> {
  return normalize((await request<RuleComment>(commentsPath(ruleSetId), { method: 'POST', body: comment })).data);
}

export function commentsKey(ruleSetId: string) {
  return ['comments', ruleSetId] as const;
}

export function useComments(ruleSetId: string) {
  return useQuery({ queryKey: commentsKey(ruleSetId), queryFn: ({ signal }) => fetchComments(ruleSetId, signal) });
}

export function useAddComment(ruleSetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: NewComment) => addComment(ruleSetId, comment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(ruleSetId) }),
  });
}

/** The comments about one rule, or all of them (ruleId null), newest first as the service sends them. */
export function commentsFor(comments: RuleComment[], ruleId: string | null): RuleComment[] {
  return ruleId === null ? comments : comments.filter((c) => c.ruleId === ruleId);
}

export interface CommentGroup {
  /** null: feedback on the rule set as a whole. */
  ruleId: string | null;
  comments: RuleComment[];
}

/**
 * Groups feedback by rule: the rule set as a whole first, then rules in the order their newest comment
 * arrived (most recently discussed first). Order within a group is kept.
 */
export function groupByRule(comments: RuleComment[]): CommentGroup[] {
  const groups = new Map<string | null, RuleComment[]>();
  for (const c of comments) {
    const list = groups.get(c.ruleId) ?? [];
    list.push(c);
    groups.set(c.ruleId, list);
  }
  const whole = groups.get(null);
  const rest = [...groups.entries()].filter(([id]) => id !== null).map(([ruleId, list]) => ({ ruleId, comments: list }));
  return whole ? [{ ruleId: null, comments: whole }, ...rest] : rest;
}
