import rawSchema from '../../../../../rules-schema.json';
import { kindLabel, label } from '../../../lib/words';

/** The subset of JSON Schema 2020-12 that rules-schema.json uses, as the form generator reads it. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  title?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  examples?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
  'x-inputs'?: string[];
}

export const ruleSetSchema = rawSchema as unknown as SchemaNode;

const defs = ruleSetSchema.$defs ?? {};

/**
 * Follows a local `$ref` into `$defs`. Keywords beside the `$ref` win (2020-12 allows siblings): a rule's
 * `forSegment` is a segment code with its own description.
 */
export function resolve(node: SchemaNode, seen: ReadonlySet<string> = new Set()): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.startsWith('#/$defs/') ? node.$ref.slice('#/$defs/'.length) : null;
  const target = name === null ? undefined : defs[name];
  if (!target || name === null || seen.has(name)) return { ...node, $ref: undefined };
  const { $ref: _ignored, ...siblings } = node;
  void _ignored;
  return { ...resolve(target, new Set([...seen, name])), ...siblings };
}

/** "forCustomerTiers" → "For customer tiers"; "maxNodesPerOrder" → "Max nodes per order". */
export const humanise = label;

export type Widget =
  | 'const'
  | 'select'
  | 'checkbox'
  | 'number'
  | 'text'
  | 'textarea'
  | 'expression'
  | 'tags'
  | 'object'
  | 'objectList';

/** One control of a generated form: what to render and how to read and write its value. */
export interface FieldSpec {
  /** Property name in the document. */
  name: string;
  label: string;
  /** From the schema's description. */
  help?: string;
  /** "e.g. 0.15", from the schema's first example. */
  placeholder?: string;
  widget: Widget;
  required: boolean;
  /** select, and tags whose items are an enum. */
  options?: string[];
  integer?: boolean;
  min?: number;
  max?: number;
  exclusiveMin?: number;
  exclusiveMax?: number;
  default?: unknown;
  constValue?: unknown;
  /** Inputs an expression may read (x-inputs). */
  inputs?: string[];
  /** object: its properties; objectList: the properties of one item. */
  fields?: FieldSpec[];
  /** objectList: what one item is called ("Tie break"). */
  itemLabel?: string;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

export interface FormOptions {
  /** Labels that differ from the humanised name, e.g. the rule set's "name" is "Rule set name". */
  labels?: Record<string, string>;
  /** Item labels of object lists by property name ("tieBreaks" → "Tie break"). */
  itemLabels?: Record<string, string>;
}

const ITEM_LABELS: Record<string, string> = { tieBreaks: 'Tie break', substitutions: 'Substitution' };

/** The controls for an object definition, in the schema's property order. */
export function fieldsForObject(definition: SchemaNode, options: FormOptions = {}): FieldSpec[] {
  const node = resolve(definition);
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, prop]) => fieldFor(name, prop, required.has(name), options));
}

export function fieldFor(name: string, property: SchemaNode, required: boolean, options: FormOptions = {}): FieldSpec {
  const p = resolve(property);
  const base: FieldSpec = {
    name,
    label: options.labels?.[name] ?? humanise(name),
    help: p.description,
    placeholder: placeholderOf(p.examples),
    widget: 'text',
    required,
    default: p.default,
    maxLength: p.maxLength,
    pattern: p.pattern,
    format: p.format,
  };
  if (p.const !== undefined) return { ...base, widget: 'const', constValue: p.const, placeholder: undefined };
  const type = Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type;
  if (p.enum) return { ...base, widget: 'select', options: p.enum.map(String) };
  switch (type) {
    case 'boolean':
      return { ...base, widget: 'checkbox', placeholder: undefined };
    case 'integer':
    case 'number':
      return {
        ...base,
        widget: 'number',
        integer: type === 'integer',
        min: p.minimum,
        max: p.maximum,
        exclusiveMin: p.exclusiveMinimum,
        exclusiveMax: p.exclusiveMaximum,
      };
    case 'object':
      return { ...base, widget: 'object', placeholder: undefined, fields: fieldsForObject(p, { itemLabels: options.itemLabels }) };
    case 'array': {
      const items = resolve(p.items ?? {});
      if (items.type === 'object' || items.properties) {
        return {
          ...base,
          widget: 'objectList',
          placeholder: undefined,
          fields: fieldsForObject(items, { itemLabels: options.itemLabels }),
          itemLabel: options.itemLabels?.[name] ?? ITEM_LABELS[name] ?? humanise(name).replace(/s$/, ''),
        };
      }
      return { ...base, widget: 'tags', options: items.enum?.map(String), pattern: items.pattern };
    }
    default:
      if (p['x-inputs']) return { ...base, widget: 'expression', inputs: p['x-inputs'] };
      if ((p.maxLength ?? 0) > 200 || name === 'description') return { ...base, widget: 'textarea' };
      return base;
  }
}

function placeholderOf(examples: unknown[] | undefined): string | undefined {
  const first = examples?.[0];
  if (first === undefined || first === null) return undefined;
  if (Array.isArray(first)) return first.length ? `e.g. ${first.map(String).join(', ')}` : undefined;
  if (typeof first === 'object' || typeof first === 'boolean') return undefined;
  return `e.g. ${String(first)}`;
}

/** Every rule kind, in the schema's order. */
export const ruleKinds: string[] = (() => {
  const kind = resolve(defs.rule ?? {}).properties?.kind;
  return (kind?.enum ?? []).map(String);
})();

export { kindLabel };

export function kindDescription(kind: string): string {
  return defs[kind]?.description ?? '';
}

/** The definition of a rule kind, or undefined for a kind the schema does not know. */
export function kindDefinition(kind: string): SchemaNode | undefined {
  return ruleKinds.includes(kind) ? defs[kind] : undefined;
}

const formCache = new Map<string, FieldSpec[]>();

/** The generated form of a rule kind (cached; the schema is fixed per build). */
export function ruleFields(kind: string): FieldSpec[] | undefined {
  const cached = formCache.get(kind);
  if (cached) return cached;
  const definition = kindDefinition(kind);
  if (!definition) return undefined;
  const fields = fieldsForObject(definition, { labels: { id: 'Rule id' } });
  formCache.set(kind, fields);
  return fields;
}

/** The rule set's own fields (without its rules): name, description, entitlements; the segment is shown read-only. */
export function ruleSetFields(): FieldSpec[] {
  return fieldsForObject(ruleSetSchema, {
    labels: { name: 'Rule set name', description: 'Rule set description', segment: 'Segment' },
  }).filter((f) => f.name !== 'rules');
}

/** A value for a required property of a new rule: its default, or an empty value the validator will point at. */
export function initialValue(field: FieldSpec, segment: string): unknown {
  if (field.widget === 'const') return field.constValue;
  if (field.default !== undefined) return field.default;
  if (field.name === 'forSegment') return segment;
  switch (field.widget) {
    case 'object': return {};
    case 'objectList':
    case 'tags': return [];
    case 'checkbox': return false;
    case 'number': return field.min ?? 0;
    default: return '';
  }
}
