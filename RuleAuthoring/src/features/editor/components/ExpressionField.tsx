import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { applyCompletion, completionsAt, type CompletionResult, type ExpressionInput } from '../lib/completions';

interface ExpressionFieldProps {
  id: string;
  describedBy?: string;
  invalid: boolean;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The inputs this field may read (the schema's x-inputs). */
  inputs: string[];
  vocabulary: readonly ExpressionInput[];
  placeholder?: string;
  readOnly: boolean;
  pointer: string;
}

/**
 * A one-line, code-styled expression box that completes what the field may read: input names while typing
 * a word, an input's properties (with type and meaning) after "item.". Ctrl+Space asks for suggestions;
 * arrows move, Enter or Tab accept, Escape closes. An ARIA 1.2 combobox with a listbox popup.
 */
export function ExpressionField(props: ExpressionFieldProps) {
  const { id, describedBy, invalid, label, value, onChange, inputs, vocabulary, placeholder, readOnly, pointer } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  const listId = useId();
  const [result, setResult] = useState<CompletionResult | null>(null);
  const [active, setActive] = useState(0);
  const open = result !== null && result.items.length > 0;

  useLayoutEffect(() => {
    if (caretAfterRender.current === null || !inputRef.current) return;
    inputRef.current.setSelectionRange(caretAfterRender.current, caretAfterRender.current);
    caretAfterRender.current = null;
  });

  function suggest(text: string, caret: number, explicit: boolean) {
    const next = completionsAt(text, caret, vocabulary, inputs);
    // Typing offers once there is something to match; Ctrl+Space offers everything here.
    const show = next && next.items.length > 0 && (explicit || next.prefix.length > 0 || next.context === 'property');
    setResult(show ? next : null);
    setActive(0);
  }

  function accept(index: number) {
    const item = result?.items[index];
    if (!result || !item) return;
    const applied = applyCompletion(value, result, item.label);
    caretAfterRender.current = applied.caret;
    onChange(applied.text);
    setResult(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.ctrlKey || event.metaKey) && (event.key === ' ' || event.code === 'Space')) {
      event.preventDefault();
      suggest(value, event.currentTarget.selectionStart ?? value.length, true);
      return;
    }
    if (!open || !result) return;
    const count = result.items.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((i) => (i + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => (i - 1 + count) % count);
        break;
      case 'Home':
      case 'End':
        break;
      case 'Enter':
      case 'Tab':
        event.preventDefault();
        accept(active);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        setResult(null);
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        setResult(null);
        break;
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="ed-expression">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        className="ed-code"
        data-pointer={pointer}
        placeholder={placeholder}
        readOnly={readOnly}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          if (!readOnly) suggest(e.target.value, e.target.selectionStart ?? e.target.value.length, false);
        }}
        onKeyDown={readOnly ? undefined : onKeyDown}
        onBlur={() => setResult(null)}
        onClick={() => setResult(null)}
      />
      <ul role="listbox" id={listId} aria-label={`Suggestions for ${label}`} className="ed-suggestions" hidden={!open}>
        {open && result.items.map((item, i) => (
          <li
            key={item.label}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'ed-suggestion ed-suggestion-active' : 'ed-suggestion'}
            // Keep focus in the box: a click must not blur it before the pick lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => accept(i)}
            onMouseMove={() => setActive(i)}
          >
            <span className="ed-suggestion-label mono">{item.label}</span>
            <span className="ed-suggestion-type">{item.detail}</span>
            {item.description && <span className="ed-suggestion-desc">{item.description}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
