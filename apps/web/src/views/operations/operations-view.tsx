/** Placeholder until this view lands. */
export function OperationsView() {
  return <p className="status">The operations view is being built.</p>;
}
