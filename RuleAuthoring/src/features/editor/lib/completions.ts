/** What an expression may read (GET /v1/rulesets/inputs): an input such as `item` and its properties. */
export interface InputProperty {
  name: string;
  /** In planners' words: text, number, true/false, instant, list of text. */
  type: string;
  description: string;
}

export interface ExpressionInput {
  name: string;
  description: string;
  properties: InputProperty[];
}

export interface Completion {
  /** The text inserted. */
  label: string;
  kind: 'input' | 'property';
  /** The property's type, or "input". */
  detail: string;
  description: string;
}

export interface CompletionResult {
  /** The text between from and to is replaced by the accepted label. */
  from: number;
  to: number;
  /** What was typed of the word so far (text between from and the caret). */
  prefix: string;
  /** After "input." the properties of that input; otherwise the input names. */
  context: 'input' | 'property';
  items: Completion[];
}

const WORD = /[A-Za-z0-9_]/;

/**
 * The completions at the caret of an expression: input names while typing a word (only those the field may
 * read), that input's properties right after `input.`. Prefixes match case-insensitively. Nothing is offered
 * inside a string literal, after a number, or after a property that is not an input (`node.Capabilities.`).
 * Returns null when there is nothing to offer at this position.
 */
export function completionsAt(
  text: string,
  caret: number,
  vocabulary: readonly ExpressionInput[],
  allowedInputs: readonly string[],
): CompletionResult | null {
  const at = Math.max(0, Math.min(caret, text.length));
  if (insideString(text, at)) return null;

  let from = at;
  while (from > 0 && WORD.test(text[from - 1]!)) from--;
  let to = at;
  while (to < text.length && WORD.test(text[to]!)) to++;
  const prefix = text.slice(from, at);
  if (/^[0-9]/.test(prefix)) return null;
  const needle = prefix.toLowerCase();

  if (from > 0 && text[from - 1] === '.') {
    let ownerStart = from - 1;
    while (ownerStart > 0 && WORD.test(text[ownerStart - 1]!)) ownerStart--;
    const owner = text.slice(ownerStart, from - 1);
    // `a.item.` is not the input `item`: only a chain that starts at an input completes.
    if (!owner || (ownerStart > 0 && text[ownerStart - 1] === '.')) return null;
    const input = allowedInputs.find((name) => name.toLowerCase() === owner.toLowerCase());
    if (!input) return null;
    const known = vocabulary.find((v) => v.name.toLowerCase() === input.toLowerCase());
    const items = (known?.properties ?? [])
      .filter((p) => p.name.toLowerCase().startsWith(needle))
      .map<Completion>((p) => ({ label: p.name, kind: 'property', detail: p.type, description: p.description }));
    return { from, to, prefix, context: 'property', items };
  }

  const items = allowedInputs
    .filter((name) => name.toLowerCase().startsWith(needle))
    .map<Completion>((name) => {
      const known = vocabulary.find((v) => v.name.toLowerCase() === name.toLowerCase());
      return { label: name, kind: 'input', detail: 'input', description: known?.description ?? '' };
    });
  return { from, to, prefix, context: 'input', items };
}

/** True when the caret is inside a "…" or '…' literal (backslash escapes honoured). */
function insideString(text: string, caret: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < caret; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    }
  }
  return quote !== null;
}

/** The text with the completion accepted, and where the caret goes. */
export function applyCompletion(text: string, result: Pick<CompletionResult, 'from' | 'to'>, label: string): { text: string; caret: number } {
  return { text: text.slice(0, result.from) + label + text.slice(result.to), caret: result.from + label.length };
}
