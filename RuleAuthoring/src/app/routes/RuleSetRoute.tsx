/** Placeholder until the screen lands. */
export function RuleSetRoute() {
  return <p>Coming soon.</p>;
}
