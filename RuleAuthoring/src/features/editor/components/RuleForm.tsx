import type { Rule } from '../../../lib/types';
import { ruleFields, kindLabel, humanise, type FieldSpec } from '../lib/schema';
import { withProperty } from '../lib/document';
import { useForm } from './FormContext';
import { KindIcon } from './KindIcon';
import { ProblemLines } from './ProblemLines';
import { ruleTitle } from './RuleList';
import { ObjectFields } from './SchemaFields';
import { NAME_EXAMPLES, neededFields } from '../lib/templates';

/** Display order: what the rule is, then what it does (its kind's own fields), then when and where it applies. */
const LEADING = ['name', 'id', 'kind', 'enabled'];
const TRAILING = ['condition', 'scope', 'description'];

export function displayOrder(fields: FieldSpec[]): FieldSpec[] {
  const rank = (name: string) => (LEADING.includes(name) ? LEADING.indexOf(name) - 100 : TRAILING.includes(name) ? 100 + TRAILING.indexOf(name) : 0);
  return fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.name) - rank(b.f.name) || a.i - b.i).map(({ f }) => f);
}

interface RuleFormProps {
  rule: Rule;
  index: number;
  count: number;
  onChange: (rule: Rule) => void;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/** The selected rule: a toolbar (move, duplicate, delete), problems about the whole rule, and the form generated for its kind. */
export function RuleForm({ rule, index, count, onChange, onMove, onDuplicate, onDelete }: RuleFormProps) {
  const { readOnly, placed } = useForm();
  const generated = ruleFields(rule.kind);
  // The Name placeholder is an example of this kind's own names, not the schema's first (a safety stock's).
  const fields = generated?.map((f) => (f.name === 'name' && NAME_EXAMPLES[rule.kind] ? { ...f, placeholder: `e.g. ${NAME_EXAMPLES[rule.kind]}` } : f));
  const pointer = `/rules/${index}`;
  const known = new Set((fields ?? []).map((f) => f.name));
  const unknown = Object.keys(rule).filter((k) => !known.has(k));
  const headingId = `rule-heading-${index}`;

  return (
    <section className="card ed-form" aria-labelledby={headingId}>
      <header className="ed-form-head">
        <KindIcon kind={rule.kind} />
        <div className="ed-form-title">
          <h2 id={headingId} tabIndex={-1} data-pointer={pointer}>{ruleTitle(rule)}</h2>
          <span className="muted">{kindLabel(rule.kind)} rule {index + 1} of {count}{rule.enabled === false ? ' · switched off' : ''}</span>
        </div>
        {!readOnly && (
          <div className="toolbar ed-form-actions" role="group" aria-label="Rule actions">
            <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onMove(index - 1)}
              title="Earlier rules of a kind take precedence">Move up</button>
            <button type="button" className="btn btn-small" disabled={index === count - 1} onClick={() => onMove(index + 1)}>Move down</button>
            <button type="button" className="btn btn-small" onClick={onDuplicate}>Duplicate rule</button>
            <button type="button" className="btn btn-small btn-danger" onClick={onDelete}>Delete rule</button>
          </div>
        )}
      </header>
      <ProblemLines problems={placed.ruleLevel.get(index)} label="Problems with this rule" />
      {fields ? (
        <ObjectFields fields={displayOrder(fields)} value={rule} pointer={pointer} moreLabel="More options" alwaysShow={['name', 'enabled', ...neededFields(rule)]}
          onChange={(next) => onChange(next as Rule)} />
      ) : (
        <p className="notice notice-warn">
          This tool does not know rules of kind “{rule.kind}”. Its content is kept as it is; change it in the JSON tab.
        </p>
      )}
      {fields && unknown.length > 0 && (
        <div className="ed-unknown">
          <h3>Properties a {kindLabel(rule.kind).toLowerCase()} rule does not have</h3>
          <ul>
            {unknown.map((k) => (
              <li key={k}>
                <span className="mono">{k}</span>: <span className="mono">{JSON.stringify(rule[k])}</span>{' '}
                {!readOnly && (
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange(withProperty(rule, k, undefined))}
                    aria-label={`Remove property ${humanise(k)}`}>Remove</button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
