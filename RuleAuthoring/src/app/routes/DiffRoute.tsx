/** Placeholder until the screen lands. */
export function DiffRoute() {
  return <p>Coming soon.</p>;
}
