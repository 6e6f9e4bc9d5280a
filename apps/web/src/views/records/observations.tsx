import { graphql } from '../../gql';
import type { ObservationKind, ObservationLevel, ObservationStage, ObservationTaxonomy } from '../../gql/graphql';
import { words } from '../../ui/format';
import { Code, DateCell, Detail, Quote } from './cells';
import { EVIDENCE_KINDS, EVIDENCE_PHASES } from './evidence';
import { enumValues, type FilterField } from './filters';
import { ProjectRecordsList } from './paged-list';

const ObservationsQuery = graphql(`
  query RecordsObservations($projectId: ID!, $first: Int!, $after: String, $filter: ObservationFilterInput) {
    project(id: $projectId) {
      id
      observations(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...NextPage
        }
        edges {
          node {
            observationId
            evidenceId
            evidenceKind
            code
            taxonomy
            kind
            level
            stage
            phase
            inabilityKind
            codedAt
            quote {
              attribution
              text
            }
          }
        }
      }
    }
  }
`);

export const OBSERVATION_TAXONOMIES = enumValues<ObservationTaxonomy>({
  co_destruction_causes: true,
  involvement_shortcomings: true,
  pilot_barriers: true,
  positive_outcomes: true,
  public_agency_causes: true,
});
export const OBSERVATION_KINDS = enumValues<ObservationKind>({
  barrier: true,
  negative_effect: true,
  positive_outcome: true,
});
export const OBSERVATION_LEVELS = enumValues<ObservationLevel>({
  citizen: true,
  provider: true,
  team: true,
  system: true,
});
export const OBSERVATION_STAGES = enumValues<ObservationStage>({ before: true, during: true, after: true });

/** Taxonomy codes are snake_case words. */
export const CODE_PATTERN = /^[a-z0-9_]+$/;

/** The filter fields that observations and barriers share: what was coded, at which level and stage. */
export const TAXONOMY_FILTER: FilterField = {
  type: 'enum',
  name: 'taxonomy',
  label: 'Taxonomy',
  options: OBSERVATION_TAXONOMIES,
};
export const CODE_FILTER: FilterField = { type: 'text', name: 'code', label: 'Code', pattern: CODE_PATTERN };
export const LEVEL_FILTER: FilterField = { type: 'enum', name: 'level', label: 'Level', options: OBSERVATION_LEVELS };
export const STAGE_FILTER: FilterField = { type: 'enum', name: 'stage', label: 'Stage', options: OBSERVATION_STAGES };

/** The fields of ObservationFilterInput. */
export const OBSERVATION_FILTERS: readonly FilterField[] = [
  TAXONOMY_FILTER,
  CODE_FILTER,
  { type: 'enum', name: 'kind', label: 'Kind', options: OBSERVATION_KINDS },
  LEVEL_FILTER,
  STAGE_FILTER,
  { type: 'enum', name: 'phase', label: 'Phase', options: EVIDENCE_PHASES },
  { type: 'enum', name: 'evidenceKind', label: 'Evidence', options: EVIDENCE_KINDS },
];

/** Coded observations of every piece of evidence, with their taxonomy codes and quotes. */
export function ObservationsList({ projectId }: { projectId: string }) {
  return (
    <ProjectRecordsList
      projectId={projectId}
      query={ObservationsQuery}
      select={(data) => data.project?.observations}
      noun={{ one: 'coded observation', many: 'coded observations' }}
      description="Coded observations of every piece of evidence"
      fields={OBSERVATION_FILTERS}
      empty="No observations coded yet."
      columns={['Coded', 'Code', 'Taxonomy', 'Kind', 'Level, stage', 'Evidence (phase)', 'Quote']}
      row={(observation) => (
        <tr key={`${observation.evidenceId}/${observation.observationId}`}>
          <DateCell at={observation.codedAt} />
          <th scope="row">
            <Code value={observation.code} />
          </th>
          <td>{words(observation.taxonomy)}</td>
          <td>
            {words(observation.kind)}
            {observation.inabilityKind ? <Detail>{words(observation.inabilityKind)}</Detail> : null}
          </td>
          <td>
            {words(observation.level)}, {words(observation.stage)}
          </td>
          <td>
            {words(observation.evidenceKind)} ({words(observation.phase)})
          </td>
          <td className="records-text">
            {observation.quote ? <Quote quote={observation.quote} /> : <span className="muted">none</span>}
          </td>
        </tr>
      )}
    />
  );
}
