import { percent } from './format';

/** A small trend line of values from 0 to 1; gaps (null: suppressed or nothing to count) break it. */
export function Sparkline({ label, values }: { label: string; values: readonly (number | null)[] }) {
  const width = 96;
  const height = 24;
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${(index * step).toFixed(1)},${(height - value * height).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const last = [...values].reverse().find((value) => value !== null) ?? null;
  const description = `${label}: ${values.map((value) => (value === null ? 'no value' : percent(value))).join(', ')}`;
  return (
    <span className="sparkline">
      <span className="sparkline-label" aria-hidden="true">
        {label}
      </span>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
        {segments.map((points) =>
          points.includes(' ') ? (
            <polyline key={points} points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
          ) : (
            <circle key={points} cx={points.split(',')[0]} cy={points.split(',')[1]} r="1.5" fill="currentColor" />
          ),
        )}
      </svg>
      <span className="sparkline-value">{percent(last)}</span>
    </span>
  );
}
