/** A polite progress line for screen readers and eyes alike. */
export function Loading({ what }: { what: string }) {
  return <p className="loading" role="status" aria-live="polite">Loading {what}…</p>;
}
