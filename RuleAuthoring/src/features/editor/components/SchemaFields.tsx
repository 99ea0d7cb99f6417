import { useId, useRef, useState, type ReactNode } from 'react';
import { Field } from '../../../components/Field';
import { withProperty } from '../lib/document';
import { initialValue, kindLabel, type FieldSpec } from '../lib/schema';
import { ExpressionField } from './ExpressionField';
import { hasProblemWithin, useFieldProblems, useForm } from './FormContext';
import { NumberInput } from './NumberInput';
import { ProblemLines } from './ProblemLines';
import { TagInput } from './TagInput';

type Obj = Record<string, unknown>;

interface ObjectFieldsProps {
  fields: FieldSpec[];
  value: Obj;
  /** JSON pointer of the object ("/rules/0", "/rules/0/scope"). */
  pointer: string;
  onChange: (next: Obj) => void;
  /** Tuck optional properties that are not set behind a "More …" button with this text. */
  moreLabel?: string;
  /** Shown even when not set. */
  alwaysShow?: readonly string[];
}

/**
 * The generated form of an object: one control per property of its schema. Required properties, those
 * set and those with a problem are shown; the others wait behind "More options" (with their names listed).
 */
export function ObjectFields({ fields, value, pointer, onChange, moreLabel, alwaysShow = [] }: ObjectFieldsProps) {
  const { placed, readOnly } = useForm();
  const [expanded, setExpanded] = useState(false);
  const moreId = useId();
  // Once shown, a field stays where it is: emptying it must not whisk it away while it is being edited.
  const shownBefore = useRef(new Set<string>());
  const primary: FieldSpec[] = [];
  const secondary: FieldSpec[] = [];
  for (const field of fields) {
    const shown = !moreLabel || field.required || value[field.name] !== undefined || alwaysShow.includes(field.name)
      || hasProblemWithin(placed, `${pointer}/${field.name}`) || shownBefore.current.has(field.name);
    if (shown) shownBefore.current.add(field.name);
    (shown ? primary : secondary).push(field);
  }
  const render = (field: FieldSpec) => (
    <FieldControl
      key={field.name}
      spec={field}
      value={value[field.name]}
      pointer={`${pointer}/${field.name}`}
      onChange={(next) => onChange(withProperty(value, field.name, next))}
    />
  );
  return (
    <>
      {primary.map(render)}
      {secondary.length > 0 && (
        <div className="ed-more">
          <button
            type="button"
            className="btn btn-ghost btn-small ed-more-toggle"
            aria-expanded={expanded}
            aria-controls={moreId}
            onClick={() => setExpanded((x) => !x)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {moreLabel}
          </button>
          {!expanded && (
            <span className="muted ed-more-names">
              {readOnly ? 'not set: ' : ''}{secondary.map((f) => f.label).join(', ')}
            </span>
          )}
          <div id={moreId} hidden={!expanded} className="ed-more-fields">
            {expanded && secondary.map(render)}
          </div>
        </div>
      )}
    </>
  );
}

interface FieldControlProps {
  spec: FieldSpec;
  value: unknown;
  pointer: string;
  /** Undefined: leave the property out. */
  onChange: (next: unknown) => void;
}

export function FieldControl(props: FieldControlProps) {
  switch (props.spec.widget) {
    case 'object':
      return <ObjectFieldset {...props} />;
    case 'objectList':
      return <ObjectListFieldset {...props} />;
    default:
      return <SimpleField {...props} />;
  }
}

/** Help for a field: the schema's description; for expressions the first sentence plus what it may read. */
export function helpFor(spec: FieldSpec): string | undefined {
  // A rule's kind is in its heading; "Always "hold" for this kind of rule" says nothing more.
  if (spec.widget === 'const' && spec.name === 'kind') return undefined;
  if (spec.widget !== 'expression' || !spec.help) return spec.help;
  const cut = spec.help.indexOf(' Written in the RulesEngine');
  const lead = cut > 0 ? spec.help.slice(0, cut) : spec.help;
  return `${lead} Can read: ${(spec.inputs ?? []).join(', ')}. Press Ctrl+Space for suggestions.`;
}

function SimpleField({ spec, value, pointer, onChange }: FieldControlProps) {
  const { readOnly, vocabulary } = useForm();
  const { errors, warnings } = useFieldProblems(pointer);
  const warnId = useId();
  const errorText = errors.length ? errors.map((p) => p.message) : undefined;
  const label = spec.required && spec.widget !== 'const' && spec.widget !== 'checkbox' ? `${spec.label} (required)` : spec.label;

  const control = (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => {
    const describedBy = [ids.describedBy, warnings.length ? warnId : null].filter(Boolean).join(' ') || undefined;
    const common = { id: ids.id, 'aria-describedby': describedBy, 'aria-invalid': ids.invalid || undefined, 'data-pointer': pointer };
    const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
    const fromText = (next: string) => onChange(next === '' && !spec.required ? undefined : next);
    switch (spec.widget) {
      case 'const':
        return <input {...common} readOnly value={spec.name === 'kind' ? `${kindLabel(String(spec.constValue))} (${String(spec.constValue)})` : String(spec.constValue)} />;
      case 'select':
        return (
          <select {...common} disabled={readOnly} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
            {(!spec.required || value === undefined) && (
              <option value="">{spec.default !== undefined ? `Default (${String(spec.default)})` : '— not set —'}</option>
            )}
            {spec.options?.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        );
      case 'checkbox':
        if (spec.default === undefined && !spec.required) {
          // Without a default, "not set" differs from "no" (a peak's allowSplit overrides only when set).
          return (
            <select {...common} disabled={readOnly} value={value === true ? 'yes' : value === false ? 'no' : ''}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}>
              <option value="">— not set —</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          );
        }
        return (
          <input {...common} type="checkbox" disabled={readOnly} checked={value === undefined ? spec.default === true : value === true}
            onChange={(e) => onChange(e.target.checked)} />
        );
      case 'number':
        return (
          <NumberInput id={ids.id} describedBy={describedBy} invalid={ids.invalid} pointer={pointer} readOnly={readOnly}
            value={typeof value === 'number' ? value : undefined} onChange={onChange}
            integer={spec.integer} min={spec.min ?? spec.exclusiveMin} max={spec.max ?? spec.exclusiveMax}
            placeholder={spec.placeholder ?? (spec.default !== undefined ? `Default ${String(spec.default)}` : undefined)} />
        );
      case 'tags':
        return (
          <TagInput id={ids.id} describedBy={describedBy} invalid={ids.invalid} pointer={pointer} readOnly={readOnly} label={spec.label}
            values={Array.isArray(value) ? value.map(String) : []} onChange={onChange} options={spec.options} pattern={spec.pattern}
            placeholder={spec.placeholder} />
        );
      case 'expression':
        return (
          <ExpressionField id={ids.id} describedBy={describedBy} invalid={ids.invalid} pointer={pointer} readOnly={readOnly} label={spec.label}
            value={text} onChange={fromText} inputs={spec.inputs ?? []} vocabulary={vocabulary} placeholder={spec.placeholder} />
        );
      case 'textarea':
        return <textarea {...common} readOnly={readOnly} rows={3} value={text} placeholder={spec.placeholder} onChange={(e) => fromText(e.target.value)} />;
      default:
        return (
          <input {...common} type="text" readOnly={readOnly} value={text} placeholder={spec.placeholder}
            className={spec.format === 'date-time' || spec.pattern ? 'ed-code' : undefined}
            onChange={(e) => fromText(e.target.value)} />
        );
    }
  };

  return (
    <div className={`ed-field ed-field-${spec.widget}${spec.widget === 'checkbox' && spec.default !== undefined ? ' ed-check' : ''}`}>
      <Field label={label} help={helpFor(spec)} error={errorText}>
        {(ids) => (
          <>
            {control(ids)}
            {warnings.length > 0 && (
              <div id={warnId} className="ed-field-warning">
                {warnings.map((w, i) => <div key={i}><span className="ed-sev">Warning</span> {w.message}</div>)}
              </div>
            )}
          </>
        )}
      </Field>
    </div>
  );
}

/** A group of fields (scope, weights, tie-breaks…): its legend, help, own problems, then its fields. */
function SchemaFieldset({ spec, pointer, children }: { spec: FieldSpec; pointer: string; children: ReactNode }) {
  const { placed } = useForm();
  const helpId = useId();
  const own = placed.byField.get(pointer);
  return (
    <fieldset className={own?.length ? 'ed-fieldset ed-fieldset-invalid' : 'ed-fieldset'} data-pointer={pointer} tabIndex={-1}
      aria-describedby={spec.help ? helpId : undefined}>
      <legend>{spec.label}</legend>
      {spec.help && <p id={helpId} className="field-help">{spec.help}</p>}
      <ProblemLines problems={own} />
      {children}
    </fieldset>
  );
}

function ObjectFieldset({ spec, value, pointer, onChange }: FieldControlProps) {
  const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
  return (
    <SchemaFieldset spec={spec} pointer={pointer}>
      <div className="ed-fieldset-body">
        <ObjectFields
          fields={spec.fields ?? []}
          value={obj}
          pointer={pointer}
          moreLabel={`More in ${spec.label}`}
          onChange={(next) => onChange(Object.keys(next).length === 0 && !spec.required ? undefined : next)}
        />
      </div>
    </SchemaFieldset>
  );
}

function ObjectListFieldset({ spec, value, pointer, onChange }: FieldControlProps) {
  const { placed, readOnly, segment } = useForm();
  const items = Array.isArray(value) ? (value as Obj[]) : [];
  const itemLabel = spec.itemLabel ?? 'Item';
  const set = (next: Obj[]) => onChange(next.length === 0 && !spec.required ? undefined : next);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    set(next);
  };
  const add = () => {
    const item: Obj = {};
    for (const f of spec.fields ?? []) if (f.required) item[f.name] = initialValue(f, segment);
    set([...items, item]);
  };
  return (
    <SchemaFieldset spec={spec} pointer={pointer}>
      {items.length === 0 && <p className="muted">None.</p>}
      {items.map((item, i) => {
        const name = `${itemLabel} ${i + 1}`;
        const itemPointer = `${pointer}/${i}`;
        return (
          <fieldset key={i} className="ed-item" data-pointer={itemPointer} tabIndex={-1}>
            <legend>{name}</legend>
            {!readOnly && (
              <div className="ed-item-actions">
                <button type="button" className="btn btn-small btn-ghost" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move ${name} up`}>↑</button>
                <button type="button" className="btn btn-small btn-ghost" disabled={i === items.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move ${name} down`}>↓</button>
                <button type="button" className="btn btn-small btn-ghost btn-danger" onClick={() => set(items.filter((_, k) => k !== i))} aria-label={`Remove ${name}`}>Remove</button>
              </div>
            )}
            <ProblemLines problems={placed.byField.get(itemPointer)} />
            <ObjectFields
              fields={spec.fields ?? []}
              value={item ?? {}}
              pointer={itemPointer}
              onChange={(next) => set(items.map((x, k) => (k === i ? next : x)))}
            />
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={add}>
          + Add {itemLabel.toLowerCase()}
        </button>
      )}
    </SchemaFieldset>
  );
}
