import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { RuleSetDocument } from '../../../lib/types';
import { jsonEqual } from '../lib/document';

const MonacoJsonEditor = lazy(() => import('./MonacoJsonEditor'));

export function pretty(doc: RuleSetDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Parses the JSON text: the document, or the parser's message in words. */
export function parseDocument(text: string): { doc: RuleSetDocument } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'a rule set is a JSON object { … }' };
  const doc = value as RuleSetDocument;
  if (!Array.isArray(doc.rules)) return { error: 'a rule set needs "rules": [ … ] (a list, maybe empty)' };
  return { doc };
}

interface JsonViewProps {
  doc: RuleSetDocument;
  onChange: (doc: RuleSetDocument) => void;
  /** The parser's message while the text is not valid JSON (nothing is applied or saved then), null once it is. */
  onInvalid: (message: string | null) => void;
  readOnly: boolean;
  modelName: string;
}

/**
 * The document as JSON in Monaco, with the schema: both ways in sync with the forms. Edits apply as soon as
 * the text parses; until then the document (and the save) stay as they were.
 */
export function JsonView({ doc, onChange, onInvalid, readOnly, modelName }: JsonViewProps) {
  const [text, setText] = useState(() => pretty(doc));
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef(text);
  const onInvalidRef = useRef(onInvalid);
  onInvalidRef.current = onInvalid;

  useEffect(() => {
    // Changed in the forms: show it, unless the text already says the same (then keep the planner's layout).
    const parsed = parseDocument(textRef.current);
    if ('doc' in parsed && jsonEqual(parsed.doc, doc)) return;
    const next = pretty(doc);
    textRef.current = next;
    setText(next);
    setError(null);
    onInvalidRef.current(null);
  }, [doc]);

  function edit(next: string) {
    textRef.current = next;
    setText(next);
    const parsed = parseDocument(next);
    if ('error' in parsed) {
      setError(parsed.error);
      onInvalid(parsed.error);
      return;
    }
    setError(null);
    onInvalid(null);
    if (!jsonEqual(parsed.doc, doc)) onChange(parsed.doc);
  }

  return (
    <div className="ed-json">
      {error && (
        <div className="notice notice-warn" role="alert">
          <div className="notice-body">
            <strong>The JSON is not valid yet: {error}</strong>
            <p>Nothing is applied or saved until it is.</p>
          </div>
        </div>
      )}
      {readOnly && <p className="muted">Read-only: this JSON cannot be changed here.</p>}
      <section className="ed-monaco" aria-label="Rule set JSON">
        <Suspense fallback={<p className="loading" role="status">Loading the JSON editor…</p>}>
          <MonacoJsonEditor value={text} onChange={edit} readOnly={readOnly} modelName={modelName} />
        </Suspense>
      </section>
    </div>
  );
}
