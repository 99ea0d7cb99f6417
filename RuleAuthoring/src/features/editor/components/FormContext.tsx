import { createContext, useContext } from 'react';
import type { RuleProblem } from '../../../lib/types';
import type { ExpressionInput } from '../lib/completions';
import type { PlacedProblems } from '../lib/pointer';

export interface FormContextValue {
  /** Published and archived versions, and roles that may not author: everything readable, nothing editable. */
  readOnly: boolean;
  placed: PlacedProblems;
  vocabulary: readonly ExpressionInput[];
  /** The rule set's segment, for new items that name one. */
  segment: string;
}

const empty: PlacedProblems = { byField: new Map(), byRule: new Map(), ruleLevel: new Map(), documentLevel: [], fieldOf: new Map() };

export const FormContext = createContext<FormContextValue>({ readOnly: true, placed: empty, vocabulary: [], segment: '' });

export function useForm(): FormContextValue {
  return useContext(FormContext);
}

/** Problems shown at this field, split by severity. */
export function useFieldProblems(pointer: string): { errors: RuleProblem[]; warnings: RuleProblem[] } {
  const { placed } = useForm();
  const list = placed.byField.get(pointer) ?? [];
  return { errors: list.filter((p) => p.severity !== 'warning'), warnings: list.filter((p) => p.severity === 'warning') };
}

/** True when a problem is shown at this pointer or anywhere below it (a field with a problem is never tucked away). */
export function hasProblemWithin(placed: PlacedProblems, pointer: string): boolean {
  for (const key of placed.byField.keys()) {
    if (key === pointer || key.startsWith(`${pointer}/`)) return true;
  }
  return false;
}
