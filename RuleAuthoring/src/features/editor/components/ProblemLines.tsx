import type { RuleProblem } from '../../../lib/types';

/** Problems shown in place where no single field owns them (a rule, a group, the rule set). */
export function ProblemLines({ problems, label }: { problems: readonly RuleProblem[] | undefined; label?: string }) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="ed-problem-lines" aria-label={label}>
      {problems.map((p, i) => (
        <li key={`${p.pointer}-${p.code}-${i}`} className={p.severity === 'warning' ? 'ed-problem ed-problem-warning' : 'ed-problem ed-problem-error'}>
          <span className="ed-sev">{p.severity === 'warning' ? 'Warning' : 'Error'}</span> {p.message}
        </li>
      ))}
    </ul>
  );
}
