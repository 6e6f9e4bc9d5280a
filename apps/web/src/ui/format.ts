/** Numbers and dates as the reader's browser formats them (their locale), never raw. */
const locale = () => (typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB');

export function percent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(value);
}

export function decimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function count(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale()).format(value);
}

export function date(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const parsed = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(parsed.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

export function dateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const parsed = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(parsed.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(parsed);
}

/** "2025-03" for a period that starts on 1 March 2025 (UTC), as a month name in the reader's locale. */
export function period(from: string, granularity: 'MONTH' | 'QUARTER'): string {
  const start = new Date(from);
  if (granularity === 'QUARTER') return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(start);
}

/** Enum values as words: `co_design` → "co design". */
export function words(value: string | null | undefined): string {
  return value ? value.replace(/_/g, ' ').toLowerCase() : '—';
}
