/** Placeholder until this view lands. */
export function SignalsView() {
  return <p className="status">The signals view is being built.</p>;
}
