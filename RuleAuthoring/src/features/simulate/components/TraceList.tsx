import { useState } from 'react';
import type { TraceStep } from '../api/simulate';
import { traceRows } from './traceText';

/** The full trace as a numbered list of readable steps, filterable by step and line; folded by default. */
export function TraceList({ trace, label }: { trace: TraceStep[]; label: string }) {
  const rows = traceRows(trace);
  const [step, setStep] = useState('');
  const steps = [...new Map(rows.map((r) => [r.step, r.label])).entries()];
  const shown = step ? rows.filter((r) => r.step === step) : rows;
  return (
    <details className="sim-trace">
      <summary>Full trace ({rows.length} steps)</summary>
      <label className="sim-trace-filter">
        <span>Show</span>
        <select value={step} onChange={(e) => setStep(e.target.value)} aria-label={`Filter the steps of ${label}`}>
          <option value="">all steps</option>
          {steps.map(([code, text]) => <option key={code} value={code}>{text}</option>)}
        </select>
      </label>
      <ol className="sim-trace-list" aria-label={label}>
        {shown.map((r) => (
          <li key={r.index} value={r.index} className={`sim-step sim-step-${r.step}`}>
            <div className="sim-step-head">
              <span className="badge sim-step-badge">{r.label}</span>
              {r.lineId && <span className="muted">line {r.lineId}</span>}
              {r.node && <span className="mono">{r.node}</span>}
              {r.ruleId && <span className="muted">rule <span className="mono">{r.ruleId}</span></span>}
            </div>
            <div>{r.message}</div>
            {r.figures.length > 0 && (
              <dl className="sim-figures">
                {r.figures.map((f) => (
                  <div key={f.label}><dt>{f.label}</dt><dd>{f.value}</dd></div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
