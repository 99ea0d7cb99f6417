/** Placeholder until the screen lands. */
export function HistoryRoute() {
  return <p>Coming soon.</p>;
}
