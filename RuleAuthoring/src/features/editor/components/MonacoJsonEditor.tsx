import Editor, { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { ruleSetSchema } from '../lib/schema';

// Loaded only when the JSON tab opens (React.lazy): Monaco is most of the tool's weight. It comes from the
// local package and its workers are bundled by Vite; nothing is fetched from a CDN.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
loader.config({ monaco });

const SCHEMA_URI = 'https://inventoryrules.dev/schemas/rules-schema.json';
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.ruleset.json'], schema: ruleSetSchema }],
});

export interface MonacoJsonEditorProps {
  value: string;
  onChange: (text: string) => void;
  readOnly: boolean;
  /** Unique per rule set; ends in .ruleset.json so the schema applies (validation, completion, hovers). */
  modelName: string;
}

export default function MonacoJsonEditor({ value, onChange, readOnly, modelName }: MonacoJsonEditorProps) {
  return (
    <Editor
      height="100%"
      language="json"
      path={`inmemory://rulesets/${modelName}.ruleset.json`}
      value={value}
      onChange={(text) => onChange(text ?? '')}
      loading={<p className="loading" role="status">Loading the JSON editor…</p>}
      options={{
        readOnly,
        domReadOnly: readOnly,
        readOnlyMessage: { value: 'This version cannot change: create a draft from it to edit.' },
        minimap: { enabled: false },
        automaticLayout: true,
        wordWrap: 'on',
        scrollBeyondLastLine: false,
        tabSize: 2,
        fontSize: 13,
        fixedOverflowWidgets: true,
        quickSuggestions: { strings: true, other: true, comments: false },
      }}
    />
  );
}
