import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** From the schema's description: what the field means, in the planner's words. */
  help?: string;
  /** Shown under the field in red and announced; links the input by aria-describedby. */
  error?: string | string[];
  /** Render prop: receives the ids to put on the control. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled control with its help text and its errors in place. */
export function Field({ label, help, error, children }: FieldProps) {
  const id = useId();
  const errors = error === undefined ? [] : Array.isArray(error) ? error : [error];
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors.length ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: errors.length > 0 })}
      {errors.length > 0 && (
        <div id={errorId} className="field-error" role="alert">
          {errors.map((e, i) => <div key={i}>{e}</div>)}
        </div>
      )}
      {help && <div id={helpId} className="field-help">{help}</div>}
    </div>
  );
}
