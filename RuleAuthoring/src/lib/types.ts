/** Wire shapes shared by several features (API.md, "Rule sets"). */

export type RuleSetStatus = 'draft' | 'published' | 'archived';

/** A validation problem; `pointer` is a JSON pointer into the document, e.g. "/rules/3/condition". */
export interface RuleProblem {
  pointer: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface RuleSetDocument {
  segment: string;
  name: string;
  description?: string;
  entitlements?: { consumeSafetyStock?: boolean; consumeHolds?: boolean };
  rules: Rule[];
  [extra: string]: unknown;
}

export interface Rule {
  kind: string;
  id: string;
  name?: string;
  description?: string;
  enabled?: boolean;
  condition?: string;
  [field: string]: unknown;
}

export interface RuleSet {
  id: string;
  segment: string;
  version: number;
  status: RuleSetStatus;
  /** The version in force for its segment now. */
  active: boolean;
  name: string;
  /** Optimistic concurrency: send it back as If-Match when saving a draft. */
  revision: number;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Who saved, published or archived it last. */
  updatedBy: string;
  basedOn: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  publishComment: string | null;
  effectiveFrom: string | null;
  archivedAt: string | null;
  archivedBy: string | null;
  document: RuleSetDocument | null;
  problems: RuleProblem[] | null;
}

export interface Me {
  name: string;
  role: string;
  permissions: { authorRules: boolean; readRules: boolean; comment: boolean };
}
