import { kindDescription, kindLabel, ruleKinds } from '../lib/schema';
import { Dialog } from './Dialog';
import { KindIcon } from './KindIcon';

/** Pick the kind of the new rule; each kind says what it decides, from the schema. */
export function AddRuleDialog({ onPick, onClose }: { onPick: (kind: string) => void; onClose: () => void }) {
  return (
    <Dialog title="Add a rule" onClose={onClose} wide
      actions={<button type="button" className="btn" onClick={onClose}>Cancel</button>}>
      <p className="muted">Choose what the new rule decides. It is added at the end of the list with the fields it needs.</p>
      <ul className="ed-kind-picker">
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
  const end = text.search(/[.:](\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}
