import { observationsList } from '#read-models/directory';
import { toObservation } from '../../evidence/evidence.mappers.js';
import { inColumns, iso, type Column, type TableDataset } from '../dataset.js';

export const OBSERVATION_COLUMNS: readonly Column[] = [
  { name: 'evidence_id', description: 'The interview, workshop or note the observation was coded in.' },
  { name: 'observation_id', description: 'The observation (unique within its evidence).' },
  { name: 'project_id', description: 'Its project.' },
  { name: 'evidence_kind', description: 'interview, co_design_workshop, co_assessment_workshop or reflexive_note.' },
  { name: 'phase', description: 'The phase the evidence belongs to.' },
  { name: 'kind', description: 'barrier, negative_effect or positive_outcome.' },
  { name: 'taxonomy', description: 'The coding scheme the code comes from (docs/domain.md).' },
  { name: 'code', description: 'The code within that taxonomy.' },
  { name: 'stage', description: 'before, during or after.' },
  { name: 'level', description: 'citizen, provider, team or system.' },
  { name: 'inability_kind', description: 'inability or impossibility (inability_to_change only).' },
  { name: 'quote', description: 'The quote it rests on, if any.' },
  { name: 'quote_attribution', description: 'Its pseudonymous attribution: role, gender, number (never a name).' },
  { name: 'coded_at', description: 'When it was coded.' },
];

/** A project's coded observations with their codes and quotes, as `project { observations }` answers now. */
export const codedObservationsDataset: TableDataset = {
  name: 'coded-observations',
  title: 'Coded observations with their taxonomy codes and quotes',
  operation: 'evidence',
  scopes: ['project'],
  timeTravel: { asOf: false, knownAt: false },
  columns: OBSERVATION_COLUMNS,
  async *rows({ scope, sources }) {
    if (!('projectId' in scope)) return;
    for await (const { nodes } of sources.pages(observationsList, toObservation, scope.projectId, null)) {
      for (const observation of nodes) {
        yield inColumns(OBSERVATION_COLUMNS, {
          evidence_id: observation.evidenceId,
          observation_id: observation.observationId,
          project_id: observation.projectId,
          evidence_kind: observation.evidenceKind,
          phase: observation.phase,
          kind: observation.kind,
          taxonomy: observation.taxonomy,
          code: observation.code,
          stage: observation.stage,
          level: observation.level,
          inability_kind: observation.inabilityKind,
          quote: observation.quote?.text ?? null,
          quote_attribution: observation.quote?.attribution ?? null,
          coded_at: iso(observation.codedAt),
        });
      }
    }
  },
};
