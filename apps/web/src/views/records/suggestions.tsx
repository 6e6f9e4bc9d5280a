import { graphql } from '../../gql';
import type { SuggesterRole, SuggestionStatus, SuggestionTopic } from '../../gql/graphql';
import { dateTime, words } from '../../ui/format';
import { colonNote, DateCell, Detail, Fact, Status } from './cells';
import { enumValues, type FilterField } from './filters';
import { ProjectRecordsList } from './paged-list';

const SuggestionsQuery = graphql(`
  query RecordsSuggestions($projectId: ID!, $first: Int!, $after: String, $filter: SuggestionFilterInput) {
    project(id: $projectId) {
      id
      suggestions(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...NextPage
        }
        edges {
          node {
            id
            description
            topic
            status
            suggestedByRole
            organisationId
            carer {
              id
              pseudonym
            }
            madeAt
            adoptedAt
            adoptionNote
            declinedAt
            declineReason
            declineNote
            implementedAt
            implementationNote
            decisionId
          }
        }
      }
    }
  }
`);

export const SUGGESTION_STATUSES = enumValues<SuggestionStatus>({
  made: true,
  adopted: true,
  declined: true,
  implemented: true,
});
export const SUGGESTION_TOPICS = enumValues<SuggestionTopic>({
  committee: true,
  information: true,
  other: true,
  partnership: true,
  peer_meetings: true,
  respite_care: true,
  scheduling: true,
  training: true,
});
export const SUGGESTER_ROLES = enumValues<SuggesterRole>({
  carer: true,
  committee: true,
  provider: true,
  researcher: true,
});

/** The fields of SuggestionFilterInput. */
export const SUGGESTION_FILTERS: readonly FilterField[] = [
  { type: 'enum', name: 'status', label: 'Status', options: SUGGESTION_STATUSES },
  { type: 'enum', name: 'topic', label: 'Topic', options: SUGGESTION_TOPICS },
  { type: 'enum', name: 'suggestedByRole', label: 'Suggested by', options: SUGGESTER_ROLES },
];

/** A step the suggestion took (adopted, implemented): when, and the note; nothing before it does. */
function Step({ term, at, note }: { term: string; at: string | null | undefined; note: string | null | undefined }) {
  return at ? (
    <Fact term={term}>
      {dateTime(at)}
      {colonNote(note)}
    </Fact>
  ) : null;
}

/** Suggestions in the order they were made: adopted, declined (and why), implemented. */
export function SuggestionsList({ projectId }: { projectId: string }) {
  return (
    <ProjectRecordsList
      projectId={projectId}
      query={SuggestionsQuery}
      select={(data) => data.project?.suggestions}
      noun={{ one: 'suggestion', many: 'suggestions' }}
      description="Suggestions, in the order they were made"
      fields={SUGGESTION_FILTERS}
      columns={['Made', 'Suggestion', 'Topic', 'Suggested by', 'Status', 'Outcome']}
      row={(suggestion) => (
        <tr key={suggestion.id}>
          <DateCell at={suggestion.madeAt} />
          <th scope="row" className="records-main">
            {suggestion.description}
          </th>
          <td>{words(suggestion.topic)}</td>
          <td>
            {words(suggestion.suggestedByRole)}
            {suggestion.carer ? <Detail>{suggestion.carer.pseudonym}</Detail> : null}
            {suggestion.organisationId ? <Detail>{suggestion.organisationId}</Detail> : null}
          </td>
          <td>
            <Status status={suggestion.status} />
          </td>
          <td>
            {!suggestion.adoptedAt && !suggestion.declinedAt && !suggestion.implementedAt ? (
              <span className="muted">awaiting an answer</span>
            ) : (
              <dl className="records-facts">
                <Step term="Adopted" at={suggestion.adoptedAt} note={suggestion.adoptionNote} />
                {suggestion.declinedAt ? (
                  <>
                    <Fact term="Declined">{dateTime(suggestion.declinedAt)}</Fact>
                    <Fact term="Reason">
                      {suggestion.declineReason ? words(suggestion.declineReason) : 'not given'}
                      {colonNote(suggestion.declineNote)}
                    </Fact>
                  </>
                ) : null}
                <Step term="Implemented" at={suggestion.implementedAt} note={suggestion.implementationNote} />
                {suggestion.decisionId ? <Fact term="Decision">recorded as a decision</Fact> : null}
              </dl>
            )}
          </td>
        </tr>
      )}
    />
  );
}
