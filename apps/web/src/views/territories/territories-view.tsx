/** Placeholder until this view lands. */
export function TerritoriesView() {
  return <p className="status">The territories and frameworks view is being built.</p>;
}
