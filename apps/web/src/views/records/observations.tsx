import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type {
  ObservationFilterInput,
  ObservationKind,
  ObservationLevel,
  ObservationStage,
  ObservationTaxonomy,
} from '../../gql/graphql';
import { dateTime, words } from '../../ui/format';
import { EVIDENCE_KINDS, EVIDENCE_PHASES } from './evidence';
import { enumValues, filterInput, pageSize, type FilterField } from './filters';
import { Code, RecordsList, usePagedConnection } from './paged-list';

const ObservationsQuery = graphql(`
  query RecordsObservations($projectId: ID!, $first: Int!, $after: String, $filter: ObservationFilterInput) {
    project(id: $projectId) {
      id
      observations(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
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

/** The fields of ObservationFilterInput. */
export const OBSERVATION_FILTERS: readonly FilterField[] = [
  { type: 'enum', name: 'taxonomy', label: 'Taxonomy', options: OBSERVATION_TAXONOMIES },
  { type: 'text', name: 'code', label: 'Code', pattern: CODE_PATTERN },
  { type: 'enum', name: 'kind', label: 'Kind', options: OBSERVATION_KINDS },
  { type: 'enum', name: 'level', label: 'Level', options: OBSERVATION_LEVELS },
  { type: 'enum', name: 'stage', label: 'Stage', options: OBSERVATION_STAGES },
  { type: 'enum', name: 'phase', label: 'Phase', options: EVIDENCE_PHASES },
  { type: 'enum', name: 'evidenceKind', label: 'Evidence', options: EVIDENCE_KINDS },
];

/** Coded observations of every piece of evidence, with their taxonomy codes and quotes. */
export function ObservationsList({ projectId }: { projectId: string }) {
  const [params] = useSearchParams();
  const list = usePagedConnection(
    ObservationsQuery,
    {
      projectId,
      first: pageSize(params),
      filter: filterInput(OBSERVATION_FILTERS, params) as ObservationFilterInput | null,
    },
    (data) => data.project?.observations,
  );
  return (
    <RecordsList
      what="coded observations"
      noun={{ one: 'coded observation', many: 'coded observations' }}
      description="Coded observations of every piece of evidence"
      fields={OBSERVATION_FILTERS}
      list={list}
      empty="No observations coded yet."
      head={
        <tr>
          <th scope="col">Coded</th>
          <th scope="col">Code</th>
          <th scope="col">Taxonomy</th>
          <th scope="col">Kind</th>
          <th scope="col">Level, stage</th>
          <th scope="col">Evidence (phase)</th>
          <th scope="col">Quote</th>
        </tr>
      }
      row={(observation) => (
        <tr key={`${observation.evidenceId}/${observation.observationId}`}>
          <td className="records-date">{dateTime(observation.codedAt)}</td>
          <th scope="row">
            <Code value={observation.code} />
          </th>
          <td>{words(observation.taxonomy)}</td>
          <td>
            {words(observation.kind)}
            {observation.inabilityKind ? (
              <span className="records-detail">{words(observation.inabilityKind)}</span>
            ) : null}
          </td>
          <td>
            {words(observation.level)}, {words(observation.stage)}
          </td>
          <td>
            {words(observation.evidenceKind)} ({words(observation.phase)})
          </td>
          <td className="records-text">
            {observation.quote ? (
              <blockquote className="records-quote">
                <q>{observation.quote.text}</q> — {observation.quote.attribution}
              </blockquote>
            ) : (
              <span className="muted">none</span>
            )}
          </td>
        </tr>
      )}
    />
  );
}
