import { Link, useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { EvidenceFilterInput, EvidenceKind, EvidencePhase } from '../../gql/graphql';
import { count, dateTime, words } from '../../ui/format';
import { enumValues, filterInput, pageSize, type FilterField } from './filters';
import { Code, RecordsList, usePagedConnection, yesNo } from './paged-list';

const EvidenceQuery = graphql(`
  query RecordsEvidence($projectId: ID!, $first: Int!, $after: String, $filter: EvidenceFilterInput) {
    project(id: $projectId) {
      id
      evidence(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            phase
            recordedAt
            interview {
              durationMinutes
              intervieweeRole
              mode
            }
            workshop {
              audioRecorded
              participants {
                carers
                providers
                researchers
              }
            }
            note {
              authorMemberId
              text
            }
            observations {
              observationId
              code
              taxonomy
              kind
              quote {
                attribution
                text
              }
            }
          }
        }
      }
    }
  }
`);

export const EVIDENCE_KINDS = enumValues<EvidenceKind>({
  co_assessment_workshop: true,
  co_design_workshop: true,
  interview: true,
  reflexive_note: true,
});
export const EVIDENCE_PHASES = enumValues<EvidencePhase>({ co_design: true, pilot: true, co_assessment: true });

/** The fields of EvidenceFilterInput. */
export const EVIDENCE_FILTERS: readonly FilterField[] = [
  { type: 'enum', name: 'kind', label: 'Kind', options: EVIDENCE_KINDS },
  { type: 'enum', name: 'phase', label: 'Phase', options: EVIDENCE_PHASES },
];

/** Interviews, workshops and reflexive notes, each with the observations coded from it. */
export function EvidenceList({ projectId }: { projectId: string }) {
  const [params] = useSearchParams();
  const list = usePagedConnection(
    EvidenceQuery,
    {
      projectId,
      first: pageSize(params),
      filter: filterInput(EVIDENCE_FILTERS, params) as EvidenceFilterInput | null,
    },
    (data) => data.project?.evidence,
  );
  return (
    <>
      <p className="muted">
        Every coded observation on its own, with filters by taxonomy and code:{' '}
        <Link to={`/projects/${projectId}/records/observations`}>coded observations</Link>.
      </p>
      <RecordsList
        what="evidence"
        noun={{ one: 'piece of evidence', many: 'pieces of evidence' }}
        description="Interviews, workshops and reflexive notes, in the order they were recorded"
        fields={EVIDENCE_FILTERS}
        list={list}
        empty="No evidence recorded yet."
        head={
          <tr>
            <th scope="col">Recorded</th>
            <th scope="col">Kind</th>
            <th scope="col">Phase</th>
            <th scope="col">Details</th>
            <th scope="col">Coded observations</th>
          </tr>
        }
        row={(evidence) => (
          <tr key={evidence.id}>
            <td className="records-date">{dateTime(evidence.recordedAt)}</td>
            <th scope="row">{words(evidence.kind)}</th>
            <td>{words(evidence.phase)}</td>
            <td className="records-text">
              {evidence.interview ? (
                <>
                  Interview with a {words(evidence.interview.intervieweeRole)}, {words(evidence.interview.mode)},{' '}
                  {count(evidence.interview.durationMinutes)} minutes
                </>
              ) : null}
              {evidence.workshop ? (
                <>
                  {count(evidence.workshop.participants.carers)} carers,{' '}
                  {count(evidence.workshop.participants.providers)} providers,{' '}
                  {count(evidence.workshop.participants.researchers)} researchers; audio recorded:{' '}
                  {yesNo(evidence.workshop.audioRecorded)}
                </>
              ) : null}
              {evidence.note ? (
                <>
                  <q>{evidence.note.text}</q>
                  <span className="records-detail">by {evidence.note.authorMemberId}</span>
                </>
              ) : null}
            </td>
            <td className="records-text">
              {evidence.observations.length === 0 ? (
                <span className="muted">none coded yet</span>
              ) : (
                <ul className="records-codes">
                  {evidence.observations.map((observation) => (
                    <li key={observation.observationId}>
                      <Code value={observation.code} />{' '}
                      <span className="muted">
                        ({words(observation.taxonomy)}; {words(observation.kind)})
                      </span>
                      {observation.quote ? (
                        <blockquote className="records-quote">
                          <q>{observation.quote.text}</q> — {observation.quote.attribution}
                        </blockquote>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
