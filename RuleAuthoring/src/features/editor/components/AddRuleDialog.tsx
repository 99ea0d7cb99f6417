import type { KeyboardEvent } from 'react';
import { kindDescription, kindLabel, ruleKinds } from '../lib/schema';
import { Dialog } from './Dialog';
import { KindIcon } from './KindIcon';

/** Pick the kind of the new rule; each kind says what it decides, from the schema. */
export function AddRuleDialog({ onPick, onClose }: { onPick: (kind: string) => void; onClose: () => void }) {
  // Arrow keys move between the kinds (Tab still works); Home and End go to the first and last.
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.ed-kind-option')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next: number | null = null;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    buttons[next]!.focus();
  }
  return (
    <Dialog title="Add a rule" onClose={onClose} wide
      actions={<button type="button" className="btn" onClick={onClose}>Cancel</button>}>
      <p className="muted">Choose what the new rule decides. It is added at the end of the list with the fields it needs.</p>
      <ul className="ed-kind-picker" onKeyDown={onKeyDown}>
        {ruleKinds.map((kind, i) => (
          <li key={kind}>
            <button type="button" className="ed-kind-option" onClick={() => onPick(kind)} aria-label={kindLabel(kind)} aria-describedby={`kind-desc-${kind}`}
              data-autofocus={i === 0 ? true : undefined}>
              <KindIcon kind={kind} />
              <span>
                <strong>{kindLabel(kind)}</strong>
                <span id={`kind-desc-${kind}`} className="ed-kind-desc">{firstSentence(kindDescription(kind))}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

function firstSentence(text: string): string {
  // A sentence ends at a full stop before a space or the end; a colon only introduces a list.
  const end = text.search(/(?<!\be\.g|\bi\.e)\.(\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}
