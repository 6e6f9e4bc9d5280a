import type { PlatformEvent, WorkshopKind } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, type RowOf } from './table.js';

/**
 * A piece of evidence: an interview (role, pseudonymous reference, duration, mode), a workshop
 * (participants by group, audio recorded) or a researcher's reflexive note.
 */
export const evidenceTable = defineTable({
  name: 'rm_evidence',
  key: ['evidence_id'],
  columns: {
    evidence_id: required('text'),
    project_id: required('text'),
    kind: required('text'),
    phase: required('text'),
    recorded_at: required('timestamptz'),
    interviewee_role: optional('text'),
    interviewee_ref: optional('text'),
    duration_minutes: optional('integer'),
    interview_mode: optional('text'),
    carers_participating: optional('integer'),
    providers_participating: optional('integer'),
    researchers_participating: optional('integer'),
    audio_recorded: optional('boolean'),
    author_member_id: optional('text'),
    note_text: optional('text'),
    observation_count: counter(),
  },
  indexes: [['project_id', 'recorded_at', 'evidence_id']],
});

/** A coded observation, with the evidence's kind and phase and a quote attributed only by role, gender and number. */
export const observationsTable = defineTable({
  name: 'rm_observations',
  key: ['evidence_id', 'observation_id'],
  columns: {
    evidence_id: required('text'),
    observation_id: required('text'),
    project_id: required('text'),
    evidence_kind: required('text'),
    phase: required('text'),
    kind: required('text'),
    taxonomy: required('text'),
    code: required('text'),
    stage: required('text'),
    level: required('text'),
    inability_kind: optional('text'),
    quote_role: optional('text'),
    quote_gender: optional('text'),
    quote_number: optional('integer'),
    quote_text: optional('text'),
    coded_at: required('timestamptz'),
  },
  indexes: [
    ['project_id', 'coded_at', 'evidence_id', 'observation_id'],
    ['project_id', 'taxonomy', 'code'],
  ],
});

const WORKSHOP_PHASE: Record<WorkshopKind, string> = {
  co_design_workshop: 'co_design',
  co_assessment_workshop: 'co_assessment',
};

/** What every piece of evidence records (its project, kind, phase and date), then the columns of its kind. */
function recordEvidence(
  batch: DirectoryBatch,
  evidence: { evidenceId: string; projectId: string; kind: string; phase: string; recordedAt: Date },
  columns: Partial<RowOf<typeof evidenceTable.columns>>,
): void {
  batch.to(evidenceTable).upsert(
    { evidence_id: evidence.evidenceId },
    {
      project_id: evidence.projectId,
      kind: evidence.kind,
      phase: evidence.phase,
      recorded_at: evidence.recordedAt.toISOString(),
      ...columns,
    },
  );
}

export const evidenceArea: DirectoryArea = {
  tables: [evidenceTable, observationsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    InterviewRecorded: ({ data, occurredAt }, batch) =>
      recordEvidence(
        batch,
        { ...data, kind: 'interview', recordedAt: occurredAt },
        {
          interviewee_role: data.intervieweeRole,
          interviewee_ref: data.intervieweeRef,
          duration_minutes: data.durationMinutes,
          interview_mode: data.mode,
        },
      ),
    WorkshopRecorded: ({ data, occurredAt }, batch) =>
      recordEvidence(
        batch,
        { ...data, kind: data.workshopKind, phase: WORKSHOP_PHASE[data.workshopKind], recordedAt: occurredAt },
        {
          carers_participating: data.participants.carers,
          providers_participating: data.participants.providers,
          researchers_participating: data.participants.researchers,
          audio_recorded: data.audioRecorded,
        },
      ),
    ReflexiveNoteRecorded: ({ data, occurredAt }, batch) =>
      recordEvidence(
        batch,
        { ...data, kind: 'reflexive_note', recordedAt: occurredAt },
        { author_member_id: data.authorMemberId, note_text: data.text },
      ),
    ObservationCoded: ({ data, occurredAt }, batch) => {
      batch.to(observationsTable).upsert(
        { evidence_id: data.evidenceId, observation_id: data.observationId },
        {
          project_id: data.projectId,
          evidence_kind: data.evidenceKind,
          phase: data.phase,
          kind: data.kind,
          taxonomy: data.taxonomy,
          code: data.code,
          stage: data.stage,
          level: data.level,
          inability_kind: data.inabilityKind,
          quote_role: data.quote?.role ?? null,
          quote_gender: data.quote?.gender ?? null,
          quote_number: data.quote?.number ?? null,
          quote_text: data.quote?.text ?? null,
          coded_at: occurredAt.toISOString(),
        },
      );
      batch.to(evidenceTable).add({ evidence_id: data.evidenceId }, { observation_count: 1 });
    },
  }),
};
