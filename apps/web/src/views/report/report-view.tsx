/** Placeholder until this view lands. */
export function ReportView() {
  return <p className="status">The assessment report view is being built.</p>;
}
