import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import type { EvidenceKind, EvidencePhase } from '../../gql/graphql';
import { count, words } from '../../ui/format';
import { Code, DateCell, Detail, Quote, yesNo } from './cells';
import { enumValues, type FilterField } from './filters';
import { ProjectRecordsList } from './paged-list';

const EvidenceQuery = graphql(`
  query RecordsEvidence($projectId: ID!, $first: Int!, $after: String, $filter: EvidenceFilterInput) {
    project(id: $projectId) {
      id
      evidence(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...NextPage
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
  return (
    <>
      <p className="muted">
        Every coded observation on its own, with filters by taxonomy and code:{' '}
        <Link to={`/projects/${projectId}/records/observations`}>coded observations</Link>.
      </p>
      <ProjectRecordsList
        projectId={projectId}
        query={EvidenceQuery}
        select={(data) => data.project?.evidence}
        what="evidence"
        noun={{ one: 'piece of evidence', many: 'pieces of evidence' }}
        description="Interviews, workshops and reflexive notes, in the order they were recorded"
        fields={EVIDENCE_FILTERS}
        columns={['Recorded', 'Kind', 'Phase', 'Details', 'Coded observations']}
        row={(evidence) => (
          <tr key={evidence.id}>
            <DateCell at={evidence.recordedAt} />
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
                  <Detail>by {evidence.note.authorMemberId}</Detail>
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
                      {observation.quote ? <Quote quote={observation.quote} /> : null}
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
