import type { DirectoryRow } from '#read-models/directory';
import { bool, date, int, text, textOrNull } from '../read-side/row-values.js';
import type { Evidence, Observation } from './evidence.models.js';

export const toEvidence = (row: DirectoryRow): Evidence => ({
  id: text(row.evidence_id),
  projectId: text(row.project_id),
  kind: text(row.kind),
  phase: text(row.phase),
  recordedAt: date(row.recorded_at),
  interview:
    row.kind === 'interview'
      ? {
          intervieweeRole: text(row.interviewee_role),
          intervieweeRef: text(row.interviewee_ref),
          durationMinutes: int(row.duration_minutes),
          mode: text(row.interview_mode),
        }
      : null,
  workshop:
    row.kind === 'co_design_workshop' || row.kind === 'co_assessment_workshop'
      ? {
          participants: {
            carers: int(row.carers_participating),
            providers: int(row.providers_participating),
            researchers: int(row.researchers_participating),
          },
          audioRecorded: bool(row.audio_recorded),
        }
      : null,
  note:
    row.kind === 'reflexive_note' ? { authorMemberId: text(row.author_member_id), text: text(row.note_text) } : null,
  observationCount: int(row.observation_count),
});

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const toObservation = (row: DirectoryRow): Observation => ({
  evidenceId: text(row.evidence_id),
  observationId: text(row.observation_id),
  projectId: text(row.project_id),
  evidenceKind: text(row.evidence_kind),
  phase: text(row.phase),
  kind: text(row.kind),
  taxonomy: text(row.taxonomy),
  code: text(row.code),
  stage: text(row.stage),
  level: text(row.level),
  inabilityKind: textOrNull(row.inability_kind),
  quote:
    row.quote_text === null
      ? null
      : {
          role: text(row.quote_role),
          gender: text(row.quote_gender),
          number: int(row.quote_number),
          text: text(row.quote_text),
          attribution: `${capitalised(text(row.quote_role))}, ${text(row.quote_gender)}, ${int(row.quote_number)}`,
        },
  codedAt: date(row.coded_at),
});
