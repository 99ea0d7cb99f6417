import { useId, useState, type KeyboardEvent } from 'react';

interface TagInputProps {
  id: string;
  describedBy?: string;
  invalid: boolean;
  label: string;
  values: string[];
  /** Undefined when the last value is removed (the list is left out). */
  onChange: (values: string[] | undefined) => void;
  /** For enums: the values allowed; typed values are matched case-insensitively. */
  options?: string[];
  /** The items' pattern, e.g. ^[A-Z]{2}$ for countries (typed values are upper-cased then). */
  pattern?: string;
  placeholder?: string;
  readOnly: boolean;
  pointer: string;
}

/**
 * A list of short values as chips: type one and press Enter (or a comma; pasting "gold, platinum" adds
 * both), Backspace in the empty box removes the last, each chip has its own remove button.
 */
export function TagInput({ id, describedBy, invalid, label, values, onChange, options, pattern, placeholder, readOnly, pointer }: TagInputProps) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const listId = useId();
  const hintId = useId();
  const upper = pattern === '^[A-Z]{2}$';

  function add(raw: string) {
    const parts = raw.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    if (parts.length === 0) return;
    const next = [...values];
    const rejected: string[] = [];
    for (const part of parts) {
      let value = upper ? part.toUpperCase() : part;
      if (options) {
        const match = options.find((o) => o.toLowerCase() === value.toLowerCase());
        if (!match) {
          rejected.push(part);
          continue;
        }
        value = match;
      }
      if (!next.includes(value)) next.push(value);
    }
    setHint(rejected.length && options ? `${rejected.join(', ')} is not one of: ${options.join(', ')}.` : null);
    setText(rejected.join(', '));
    if (next.length !== values.length) onChange(next);
  }

  function remove(index: number) {
    const next = values.filter((_, i) => i !== index);
    onChange(next.length ? next : undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      event.preventDefault();
      remove(values.length - 1);
    }
  }

  if (readOnly) {
    return (
      <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} readOnly className="ed-tags-readonly"
        value={values.length ? values.join(', ') : '—'} data-pointer={pointer} />
    );
  }

  const available = options?.filter((o) => !values.includes(o));
  return (
    <div className={invalid ? 'ed-tags ed-tags-invalid' : 'ed-tags'}>
      {values.length > 0 && (
        <ul className="ed-chips" aria-label={`${label}: ${values.length} chosen`}>
          {values.map((v, i) => (
            <li key={`${v}-${i}`} className="ed-chip">
              <span>{v}</span>
              <button type="button" className="ed-chip-remove" aria-label={`Remove ${v} from ${label}`} onClick={() => remove(i)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="ed-tags-input"
        data-pointer={pointer}
        aria-describedby={[hint ? hintId : null, describedBy].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
        list={available?.length ? listId : undefined}
        value={text}
        placeholder={values.length ? 'Add another…' : (placeholder ?? 'Type a value and press Enter')}
        onChange={(e) => {
          const value = e.target.value;
          // A datalist pick arrives as a whole value: take it at once.
          if (options?.includes(value)) add(value);
          else setText(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => add(text)}
      />
      {available && available.length > 0 && (
        <datalist id={listId}>
          {available.map((o) => <option key={o} value={o} />)}
        </datalist>
      )}
      {hint && <div id={hintId} className="ed-field-warning" role="alert">{hint}</div>}
      {options && (
        <div className="ed-tag-options" role="group" aria-label={`Add to ${label}`}>
          {available?.map((o) => (
            <button key={o} type="button" className="btn btn-small btn-ghost ed-tag-option" onClick={() => add(o)} aria-label={`Add ${o} to ${label}`}>
              + {o}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
