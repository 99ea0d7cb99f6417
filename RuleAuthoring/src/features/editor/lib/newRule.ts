import type { Rule, RuleSetDocument } from '../../../lib/types';
import { uniqueRuleId } from './document';
import { initialValue, kindLabel, ruleFields } from './schema';

/**
 * A new rule of a kind with every property the schema requires: the kind, a unique id, the segment for
 * forSegment, defaults where the schema has them and empty values the validator will point at otherwise.
 */
export function newRule(kind: string, doc: RuleSetDocument): Rule {
  const fields = ruleFields(kind) ?? [];
  const rule: Rule = {
    kind,
    id: uniqueRuleId(kind.replace(/_/g, '-'), doc.rules.map((r) => r.id)),
    name: `New ${kindLabel(kind).toLowerCase()} rule`,
  };
  for (const field of fields) {
    if (!field.required || field.name === 'kind' || field.name === 'id') continue;
    rule[field.name] = initialValue(field, doc.segment);
  }
  return rule;
}
