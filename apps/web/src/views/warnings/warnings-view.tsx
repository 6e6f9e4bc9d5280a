/** Placeholder until this view lands. */
export function WarningsView() {
  return <p className="status">The warnings view is being built.</p>;
}
