import { useId } from 'react';
import type { RuleProblem, RuleSetDocument } from '../../../lib/types';
import { countBySeverity, describeLocation } from '../lib/pointer';

/**
 * Every problem of the document, errors first: each a button that selects its rule and focuses the field.
 * Shown beside the form and the JSON, so nothing the validator says is ever out of sight.
 */
export function ProblemsPanel({ problems, doc, onGoTo, checked }: {
  problems: readonly RuleProblem[];
  doc: RuleSetDocument;
  onGoTo: (problem: RuleProblem) => void;
  /** False until the first validation answered. */
  checked: boolean;
}) {
  const headingId = useId();
  const { errors, warnings } = countBySeverity(problems);
  const sorted = [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
  return (
    <section className="card ed-problems" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Problems
        {problems.length > 0 && (
          <span className="ed-problem-counts">
            {errors > 0 && <span className="ed-count ed-count-error">{errors} {errors === 1 ? 'error' : 'errors'}</span>}
            {warnings > 0 && <span className="ed-count ed-count-warning">{warnings} {warnings === 1 ? 'warning' : 'warnings'}</span>}
          </span>
        )}
      </h2>
      {!checked ? (
        <p className="muted">Checking…</p>
      ) : problems.length === 0 ? (
        <p className="ed-no-problems">No problems found.</p>
      ) : (
        <ul className="ed-problem-list">
          {sorted.map((p, i) => {
            const where = describeLocation(p.pointer, doc);
            const severity = p.severity === 'warning' ? 'Warning' : 'Error';
            return (
              <li key={`${p.pointer}-${p.code}-${i}`} className={`ed-problem-item ed-problem-${p.severity === 'warning' ? 'warning' : 'error'}`}>
                <button type="button" className="ed-problem-button" onClick={() => onGoTo(p)}
                  aria-label={`${severity} at ${where}: ${p.message}`}>
                  <span className="ed-sev">{severity}</span>
                  <span className="ed-where">{where}</span>
                  <span className="ed-message">{p.message}</span>
                </button>
                <small className="muted mono">{p.code}</small>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
