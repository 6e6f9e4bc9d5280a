import type { RecordedEvent } from '#event-store';

/**
 * Time-indexed facts the assessment report needs and the signal facts do not record: committee
 * goals, information channels (readings and new patients informed) and survey instruments (what
 * an instrument measures). Like the signal facts, one row per event, keyed by the event id, holding
 * only what its own event says; attributes of a subject (a channel's kind, a goal's description,
 * an instrument's measure) are joined at query time under the same `asOf`/`knownAt` visibility.
 */
export interface ReportFact {
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  project_id: string | null;
  kind: ReportFactKind;
  subject_id: string;
  category: string | null;
  detail: string | null;
  period_start: string | null;
  period_end: string | null;
  likes: number | null;
  visits: number | null;
  downloads: number | null;
  shares: number | null;
  occurred_at: string;
  recorded_at: string;
}

/** Fact kinds and, per kind, what the columns hold (docs/assessment-report.md has the same table). */
export const REPORT_FACT_KINDS = {
  goal_defined: 'subject=goal id, detail=description',
  goal_assessed: 'subject=goal id, category=outcome (reached, partially_reached, unfulfilled)',
  goal_reassessed: 'subject=goal id, category=new outcome, detail=previous outcome',
  committee_self_organising: 'subject=project',
  channel_registered: 'subject=channel, category=channel kind, detail=name',
  channel_reading:
    'subject=channel, period_start/period_end=[start, end), likes/visits/downloads/shares (null: no such counter)',
  channel_retired: 'subject=channel',
  patient_informed: 'subject=channel, category=provider organisation, detail=pseudonymous patient reference',
  instrument_registered: 'subject=survey instrument, category=what it measures (no project)',
} as const;
export type ReportFactKind = keyof typeof REPORT_FACT_KINDS;

type Data = Record<string, unknown>;
type Columns = Partial<
  Omit<ReportFact, 'event_id' | 'pos_commit' | 'pos_prepare' | 'project_id' | 'occurred_at' | 'recorded_at'>
> & { kind: ReportFactKind; subject_id: string };

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
const instant = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

const MAPPERS: Record<string, (d: Data) => Columns> = {
  CommitteeGoalDefined: (d) => ({ kind: 'goal_defined', subject_id: String(d.goalId), detail: str(d.description) }),
  CommitteeGoalAssessed: (d) => ({ kind: 'goal_assessed', subject_id: String(d.goalId), category: str(d.outcome) }),
  CommitteeGoalReassessed: (d) => ({
    kind: 'goal_reassessed',
    subject_id: String(d.goalId),
    category: str(d.outcome),
    detail: str(d.previousOutcome),
  }),
  CommitteeBecameSelfOrganising: (d) => ({ kind: 'committee_self_organising', subject_id: String(d.projectId) }),
  InformationChannelRegistered: (d) => ({
    kind: 'channel_registered',
    subject_id: String(d.channelId),
    category: str(d.kind),
    detail: str(d.name),
  }),
  ChannelReadingRecorded: (d) => ({
    kind: 'channel_reading',
    subject_id: String(d.channelId),
    period_start: instant(d.periodStart),
    period_end: instant(d.periodEnd),
    likes: count(d.likes),
    visits: count(d.visits),
    downloads: count(d.downloads),
    shares: count(d.shares),
  }),
  InformationChannelRetired: (d) => ({ kind: 'channel_retired', subject_id: String(d.channelId) }),
  NewPatientInformed: (d) => ({
    kind: 'patient_informed',
    subject_id: String(d.channelId),
    category: str(d.providerOrganisationId),
    detail: str(d.patientRef),
  }),
  SurveyInstrumentRegistered: (d) => ({
    kind: 'instrument_registered',
    subject_id: String(d.instrumentId),
    category: str(d.measures),
  }),
};

/** The event types the report-facts projection subscribes to. */
export const REPORT_FACT_EVENT_TYPES: readonly string[] = Object.keys(MAPPERS);

/** The fact an event becomes, or null for events of other types. */
export function reportFactOf(event: RecordedEvent): ReportFact | null {
  const mapper = MAPPERS[event.type];
  if (!mapper) return null;
  const data = event.data as Data;
  return {
    event_id: event.id,
    pos_commit: event.position.commit.toString(),
    pos_prepare: event.position.prepare.toString(),
    project_id: str(data.projectId),
    category: null,
    detail: null,
    period_start: null,
    period_end: null,
    likes: null,
    visits: null,
    downloads: null,
    shares: null,
    ...mapper(data),
    occurred_at: event.occurredAt.toISOString(),
    recorded_at: event.recordedAt.toISOString(),
  };
}
