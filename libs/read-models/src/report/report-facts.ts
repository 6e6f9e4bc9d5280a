import type { PlatformEvent, PlatformEventType } from '#domain';
import type { RecordedEvent } from '#event-store';
import { eventHandlers } from '#projections';
import { knownSince, str } from '../shared/index.js';

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
    'subject=channel, category=reading kind (increment, running_total), period_start/period_end=[start, end), likes/visits/downloads/shares (null: not read)',
  channel_retired: 'subject=channel',
  patient_informed: 'subject=channel, category=provider organisation, detail=pseudonymous patient reference',
  patients_checked:
    'subject=channel, period_start/period_end=[start, end) whose new patients informed are all recorded',
  instrument_registered: 'subject=survey instrument, category=what it measures (no project)',
} as const;
export type ReportFactKind = keyof typeof REPORT_FACT_KINDS;

type Columns = Partial<Omit<ReportFact, 'event_id' | 'pos_commit' | 'pos_prepare' | 'occurred_at' | 'recorded_at'>> & {
  project_id: string | null;
  kind: ReportFactKind;
  subject_id: string;
};

/*
 * The data is typed by the handlers, yet every column is still written defensively, as it always
 * was: a stored value of the wrong type becomes null (an id becomes its string) rather than failing
 * the batch, and instants are normalised to ISO strings.
 */
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
const instant = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

/** The columns each event type fills; the rest of the row is null. */
export const reportFactHandlers = eventHandlers<PlatformEvent, void, Columns>({
  CommitteeGoalDefined: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'goal_defined',
    subject_id: String(data.goalId),
    detail: str(data.description),
  }),
  CommitteeGoalAssessed: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'goal_assessed',
    subject_id: String(data.goalId),
    category: str(data.outcome),
  }),
  CommitteeGoalReassessed: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'goal_reassessed',
    subject_id: String(data.goalId),
    category: str(data.outcome),
    detail: str(data.previousOutcome),
  }),
  CommitteeBecameSelfOrganising: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'committee_self_organising',
    subject_id: String(data.projectId),
  }),
  InformationChannelRegistered: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'channel_registered',
    subject_id: String(data.channelId),
    category: str(data.kind),
    detail: str(data.name),
  }),
  ChannelReadingRecorded: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'channel_reading',
    subject_id: String(data.channelId),
    category: str(data.readingKind),
    period_start: instant(data.periodStart),
    period_end: instant(data.periodEnd),
    likes: count(data.likes),
    visits: count(data.visits),
    downloads: count(data.downloads),
    shares: count(data.shares),
  }),
  InformationChannelRetired: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'channel_retired',
    subject_id: String(data.channelId),
  }),
  NewPatientInformed: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'patient_informed',
    subject_id: String(data.channelId),
    category: str(data.providerOrganisationId),
    detail: str(data.patientRef),
  }),
  NewPatientsChecked: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'patients_checked',
    subject_id: String(data.channelId),
    period_start: instant(data.periodStart),
    period_end: instant(data.periodEnd),
  }),
  // Instruments belong to no project: every project's surveys may use them.
  SurveyInstrumentRegistered: ({ data }) => ({
    project_id: null,
    kind: 'instrument_registered',
    subject_id: String(data.instrumentId),
    category: str(data.measures),
  }),
});

/** The event types the report-facts projection subscribes to: those it has a handler for. */
export const REPORT_FACT_EVENT_TYPES: readonly PlatformEventType[] = reportFactHandlers.eventTypes;

/** The fact an event becomes, or null for events of other types. */
export function reportFactOf(event: RecordedEvent): ReportFact | null {
  const columns = reportFactHandlers.handle(event, undefined);
  if (!columns) return null;
  return {
    event_id: event.id,
    pos_commit: event.position.commit.toString(),
    pos_prepare: event.position.prepare.toString(),
    category: null,
    detail: null,
    period_start: null,
    period_end: null,
    likes: null,
    visits: null,
    downloads: null,
    shares: null,
    ...columns,
    occurred_at: event.occurredAt.toISOString(),
    recorded_at: knownSince(event).toISOString(),
  };
}
