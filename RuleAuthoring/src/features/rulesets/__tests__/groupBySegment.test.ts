import { describe, expect, it } from 'vitest';
import { groupBySegment } from '../api/rulesets';
import type { RuleSet } from '../../../lib/types';

function version(segment: string, v: number, status: RuleSet['status'], active = false): RuleSet {
  return {
    id: `${segment}-${v}-${status}`, segment, version: v, status, active, name: `${segment} rules`, revision: 1, author: 'p',
    createdAt: '2026-11-01T00:00:00Z', updatedAt: `2026-11-0${v}T00:00:00Z`, updatedBy: 'p', basedOn: null, publishedAt: null, publishedBy: null,
    publishComment: null, effectiveFrom: null, archivedAt: null, archivedBy: null, document: null, problems: null,
  };
}

describe('groupBySegment', () => {
  it('puts segments in name order with the version in force, open drafts and every version newest first', () => {
    const groups = groupBySegment([
      version('vip', 1, 'published'),
      version('b2b', 1, 'published', true),
      version('vip', 3, 'draft'),
      version('vip', 2, 'published', true),
    ]);
    expect(groups.map((g) => g.segment)).toEqual(['b2b', 'vip']);
    const vip = groups[1]!;
    expect(vip.live?.version).toBe(2);
    expect(vip.drafts.map((d) => d.version)).toEqual([3]);
    expect(vip.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('says when a segment has nothing in force', () => {
    const [only] = groupBySegment([version('outlet', 1, 'draft')]);
    expect(only?.live).toBeNull();
  });
});
