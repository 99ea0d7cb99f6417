import { useId } from 'react';
import { versionLabel } from '../../../lib/format';
import type { RuleSet } from '../../../lib/types';

export function optionLabel(v: RuleSet): string {
  return `${versionLabel(v)} · ${v.active ? 'in force' : v.status} · ${v.name}`;
}

/** A select of a segment's versions, newest first, labelled with version, status and name. */
export function VersionPicker({ label, versions, value, onChange }: {
  label: string; versions: RuleSet[]; value: string; onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field diff-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {value === '' && <option value="">Choose a version</option>}
        {versions.map((v) => <option key={v.id} value={v.id}>{optionLabel(v)}</option>)}
      </select>
    </div>
  );
}
