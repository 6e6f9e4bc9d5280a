import { activitiesList, carerById, carersOfActivity } from '#read-models/directory';
import { toActivity, toActivityCarer } from '../../activity/activity.mappers.js';
import { toCarer } from '../../carer/carer.mappers.js';
import { inColumns, iso, type Column, type TableDataset } from '../dataset.js';

const RECORDS_NOW = { asOf: false, knownAt: false } as const;

export const ACTIVITY_COLUMNS: readonly Column[] = [
  { name: 'activity_id', description: 'The activity.' },
  { name: 'project_id', description: 'Its project.' },
  { name: 'kind', description: 'training_course, peer_meeting, committee_meeting, workshop, information_event…' },
  { name: 'topic', description: 'What it is about.' },
  { name: 'status', description: 'scheduled, held or cancelled.' },
  { name: 'scheduled_for', description: 'When it is (was) to take place.' },
  { name: 'originally_scheduled_for', description: 'When it was first scheduled for.' },
  { name: 'reschedule_count', description: 'How many times it was rescheduled.' },
  { name: 'place', description: 'Where.' },
  { name: 'organising_organisation_id', description: 'The organisation that organises it.' },
  { name: 'started_at', description: 'When it started (held activities).' },
  { name: 'duration_minutes', description: 'How long it lasted (held activities).' },
  { name: 'cancelled_at', description: 'When it was cancelled.' },
  { name: 'cancellation_reason', description: 'Why it was cancelled.' },
  { name: 'cancelled_by_role', description: 'The role of who decided the cancellation.' },
  { name: 'carers_consulted', description: 'Whether carers were consulted about the cancellation.' },
  { name: 'registered_carers', description: 'Carers registered for it now.' },
  { name: 'carers_attended', description: 'Carers who attended.' },
  { name: 'representatives_attended', description: "Partner organisations' representatives who attended." },
];

/** A project's activities with their attendance counts, as `project { activities }` lists them now. */
export const activitiesDataset: TableDataset = {
  name: 'activities',
  title: 'Activities with attendance counts',
  operation: 'project',
  scopes: ['project'],
  timeTravel: RECORDS_NOW,
  columns: ACTIVITY_COLUMNS,
  async *rows({ scope, sources }) {
    if (!('projectId' in scope)) return;
    for await (const { nodes } of sources.pages(activitiesList, toActivity, scope.projectId, null)) {
      for (const activity of nodes) {
        yield inColumns(ACTIVITY_COLUMNS, {
          activity_id: activity.id,
          project_id: activity.projectId,
          kind: activity.kind,
          topic: activity.topic,
          status: activity.status,
          scheduled_for: iso(activity.scheduledFor),
          originally_scheduled_for: iso(activity.originallyScheduledFor),
          reschedule_count: activity.rescheduleCount,
          place: activity.place,
          organising_organisation_id: activity.organisingOrganisationId,
          started_at: iso(activity.startedAt),
          duration_minutes: activity.durationMinutes,
          cancelled_at: iso(activity.cancellation?.cancelledAt),
          cancellation_reason: activity.cancellation?.reason ?? null,
          cancelled_by_role: activity.cancellation?.decidedByRole ?? null,
          carers_consulted: activity.cancellation?.carersConsulted ?? null,
          registered_carers: activity.registeredCarers,
          carers_attended: activity.carersAttended,
          representatives_attended: activity.representativesAttended,
        });
      }
    }
  },
};

export const ATTENDANCE_COLUMNS: readonly Column[] = [
  { name: 'activity_id', description: 'The activity.' },
  { name: 'activity_kind', description: 'Its kind.' },
  { name: 'scheduled_for', description: 'When it was to take place.' },
  {
    name: 'carer_pseudonym',
    description: "The carer's pseudonym (never their id or name), as the dashboard shows them.",
  },
  {
    name: 'carer_erased',
    description: "true when the carer's personal data was erased (the pseudonym stays, like every query).",
  },
  { name: 'registered', description: 'Whether the carer was registered when they came.' },
  { name: 'attended_at', description: 'When their attendance was recorded as happening.' },
];

/** One row per activity and carer who attended, by pseudonym only, as `attendance { carers }` answers. */
export const attendanceDataset: TableDataset = {
  name: 'attendance',
  title: 'Attendance: one row per activity and carer, by pseudonym',
  operation: 'project',
  scopes: ['project'],
  timeTravel: RECORDS_NOW,
  columns: ATTENDANCE_COLUMNS,
  async *rows({ scope, sources }) {
    if (!('projectId' in scope)) return;
    for await (const { nodes, loaders } of sources.pages(activitiesList, toActivity, scope.projectId, null)) {
      const carersOf = await Promise.all(
        nodes.map((activity) => loaders.many(carersOfActivity, toActivityCarer, activity.id)),
      );
      const attended = nodes.flatMap((activity, index) =>
        carersOf[index]!.flatMap((carer) => (carer.attendance ? [{ activity, attendance: carer.attendance }] : [])),
      );
      const carers = await Promise.all(
        attended.map(({ attendance }) => loaders.one(carerById, toCarer, attendance.carerId)),
      );
      for (const [index, { activity, attendance }] of attended.entries()) {
        yield inColumns(ATTENDANCE_COLUMNS, {
          activity_id: activity.id,
          activity_kind: activity.kind,
          scheduled_for: iso(activity.scheduledFor),
          carer_pseudonym: attendance.pseudonym,
          carer_erased: carers[index]?.erased ?? null,
          registered: attendance.registered,
          attended_at: iso(attendance.attendedAt),
        });
      }
    }
  },
};
