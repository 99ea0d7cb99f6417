import type { FieldProblem } from '../../../lib/problem';
import type { AssignmentKey, CreateExperiment } from './experiments';

/** The create form as typed: the share as a percentage, the window in the browser's local time. */
export interface ExperimentForm {
  name: string;
  segment: string;
  control: string;
  variant: string;
  sharePercent: string;
  from: string;
  to: string;
  assignmentKey: AssignmentKey;
}

export type FormField = keyof ExperimentForm | 'window';
export type FormErrors = Partial<Record<FormField, string[]>>;

/** The same checks the service makes (docs/issue6-contract.md), so most mistakes are told before sending. */
export function buildExperiment(form: ExperimentForm): { body: CreateExperiment | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const add = (field: FormField, message: string) => (errors[field] ??= []).push(message);

  if (!form.name.trim()) add('name', 'Give the experiment a name.');
  if (!form.segment) add('segment', 'Choose a segment.');
  if (!form.control) add('control', 'Choose the version in use today, as the control.');
  if (!form.variant) add('variant', 'Choose the version to try, as the variant.');
  if (form.control && form.control === form.variant) add('variant', 'The variant must be another version than the control.');

  const percent = form.sharePercent.trim() === '' ? NaN : Number(form.sharePercent);
  if (Number.isNaN(percent)) add('sharePercent', 'Enter the share of orders for the variant, as a percentage.');
  else if (percent <= 0 || percent > 100) add('sharePercent', 'The share must be more than 0% and at most 100%.');

  const from = localToIso(form.from);
  const to = localToIso(form.to);
  if (!form.from) add('from', 'Enter when the experiment starts.');
  else if (!from) add('from', 'This is not a date and time.');
  if (!form.to) add('to', 'Enter when the experiment ends.');
  else if (!to) add('to', 'This is not a date and time.');
  if (from && to && new Date(to) <= new Date(from)) add('to', 'The window must end after it starts.');

  if (Object.keys(errors).length > 0 || !from || !to) return { body: null, errors };
  return {
    body: {
      name: form.name.trim(),
      segment: form.segment,
      controlRuleSetId: form.control,
      variantRuleSetId: form.variant,
      // 33.3 / 100 is 0.33299999999999996 in floating point: send what was typed.
      trafficShare: Number((percent / 100).toFixed(6)),
      window: { from, to },
      assignmentKey: form.assignmentKey,
    },
    errors,
  };
}

/** Where the service's `errors[].field` shows on the form; null for a field the form does not have. */
export function formFieldOf(field: string): FormField | null {
  const path = field
    .replace(/^\$\.?/, '')
    .replace(/^\//, '')
    .split(/[./]/)
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
  switch (path) {
    case 'name': return 'name';
    case 'segment': return 'segment';
    case 'controlRuleSetId': case 'control': return 'control';
    case 'variantRuleSetId': case 'variant': return 'variant';
    case 'trafficShare': return 'sharePercent';
    // The replay endpoint names its range "from" and "to".
    case 'window.from': case 'from': return 'from';
    case 'window.to': case 'to': return 'to';
    case 'window': return 'window';
    case 'assignmentKey': return 'assignmentKey';
    default: return null;
  }
}

/** Splits the service's field problems into those shown at a field and the rest, for the notice. */
export function placeProblems(problems: FieldProblem[]): { atFields: FormErrors; elsewhere: FieldProblem[] } {
  const atFields: FormErrors = {};
  const elsewhere: FieldProblem[] = [];
  for (const p of problems) {
    const field = formFieldOf(p.field);
    if (field) (atFields[field] ??= []).push(p.message);
    else elsewhere.push(p);
  }
  return { atFields, elsewhere };
}

/** "2026-11-20T09:30" as typed in a datetime-local input → "2026-11-20T09:30:00+01:00", the offset of that instant. */
export function localToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant → the value of a datetime-local input in the browser's time zone. */
export function isoToLocal(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser's time zone, named under the window inputs so that nobody wonders which clock they are. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your local time';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
