import type { Rule, RuleSetDocument } from '../../../lib/types';
import { uniqueRuleId } from './document';
import { initialValue, kindLabel, ruleFields } from './schema';
import { ruleTemplate } from './templates';

/**
 * A new rule of a kind that works as it is: the kind, a unique id, the kind's starting template (see
 * templates.ts: valid by the schema, with realistic values), and every other property the schema requires
 * (its default, or the segment for forSegment).
 */
export function newRule(kind: string, doc: RuleSetDocument): Rule {
  const fields = ruleFields(kind) ?? [];
  const rule: Rule = {
    kind,
    id: uniqueRuleId(kind.replace(/_/g, '-'), doc.rules.map((r) => r.id)),
    name: `New ${kindLabel(kind).toLowerCase()} rule`,
    ...ruleTemplate(kind, doc.segment),
  };
  for (const field of fields) {
    if (!field.required || field.name === 'kind' || field.name === 'id' || rule[field.name] !== undefined) continue;
    rule[field.name] = initialValue(field, doc.segment);
  }
  return rule;
}
