import type { RuleSetDocument } from '../../../lib/types';
import { ruleSetFields } from '../lib/schema';
import { useForm } from './FormContext';
import { ProblemLines } from './ProblemLines';
import { ObjectFields } from './SchemaFields';

/** The rule set's own fields: its name, what it is for, and what the segment's orders may consume. */
export function SettingsForm({ doc, onChange }: { doc: RuleSetDocument; onChange: (doc: RuleSetDocument) => void }) {
  const { placed } = useForm();
  // The segment is fixed for a draft: another segment needs a new draft.
  const fields = ruleSetFields().map((f) => (f.name === 'segment'
    ? { ...f, widget: 'const' as const, constValue: doc.segment, required: false, help: 'A draft belongs to its segment; publishing it makes it the version in force for this segment.' }
    : f));
  return (
    <section className="card ed-form" aria-labelledby="ruleset-settings-heading">
      <header className="ed-form-head">
        <div className="ed-form-title">
          <h2 id="ruleset-settings-heading" tabIndex={-1} data-pointer="">Rule set settings</h2>
          <span className="muted">Name, description and entitlements of the whole rule set</span>
        </div>
      </header>
      <ProblemLines problems={placed.documentLevel} label="Problems with the rule set" />
      <ObjectFields fields={fields} value={doc} pointer="" onChange={(next) => onChange(next as RuleSetDocument)} />
    </section>
  );
}
