/** Placeholder until this view lands. */
export function RecordsView() {
  return <p className="status">The records view is being built.</p>;
}
