/** "800 of 1,200 · 67%" with a bar; without a total yet it says so instead of guessing a percentage. */
export function ProgressBar({ done, total, label }: { done: number; total: number | null | undefined; label: string }) {
  const known = typeof total === 'number' && total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : null;
  const text = known ? `${count(done)} of ${count(total)} · ${percent}%` : `${count(done)} done, total not known yet`;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? Math.min(done, total) : undefined}
        aria-valuetext={text}
      >
        <div className={known ? 'progress-fill' : 'progress-fill progress-unknown'} style={{ width: `${percent ?? 100}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}
