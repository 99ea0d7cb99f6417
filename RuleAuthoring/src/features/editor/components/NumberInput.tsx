import { useEffect, useState } from 'react';

interface NumberInputProps {
  id: string;
  describedBy?: string;
  invalid: boolean;
  value: number | undefined;
  /** Undefined when emptied: the property is left out. */
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
  readOnly: boolean;
  pointer: string;
}

/**
 * A number box that keeps what is being typed ("0." or "-") while it is not a number yet, and writes the
 * document only with numbers; empty means left out.
 */
export function NumberInput({ id, describedBy, invalid, value, onChange, integer, min, max, placeholder, readOnly, pointer }: NumberInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));

  useEffect(() => {
    // Changed elsewhere (JSON view, undo): show it unless the box already means the same number.
    setText((current) => (current.trim() !== '' && Number(current) === value) || (current.trim() === '' && value === undefined)
      ? current
      : value === undefined ? '' : String(value));
  }, [value]);

  return (
    <input
      id={id}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={min}
      max={max}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      placeholder={placeholder}
      readOnly={readOnly}
      data-pointer={pointer}
      value={text}
      className="ed-number"
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') onChange(undefined);
        else if (Number.isFinite(Number(next))) onChange(Number(next));
      }}
    />
  );
}
