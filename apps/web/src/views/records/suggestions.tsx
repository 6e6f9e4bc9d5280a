import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { SuggesterRole, SuggestionFilterInput, SuggestionStatus, SuggestionTopic } from '../../gql/graphql';
import { dateTime, words } from '../../ui/format';
import { enumValues, filterInput, pageSize, type FilterField } from './filters';
import { RecordsList, usePagedConnection } from './paged-list';

const SuggestionsQuery = graphql(`
  query RecordsSuggestions($projectId: ID!, $first: Int!, $after: String, $filter: SuggestionFilterInput) {
    project(id: $projectId) {
      id
      suggestions(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
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

/** Suggestions in the order they were made: adopted, declined (and why), implemented. */
export function SuggestionsList({ projectId }: { projectId: string }) {
  const [params] = useSearchParams();
  const list = usePagedConnection(
    SuggestionsQuery,
    {
      projectId,
      first: pageSize(params),
      filter: filterInput(SUGGESTION_FILTERS, params) as SuggestionFilterInput | null,
    },
    (data) => data.project?.suggestions,
  );
  return (
    <RecordsList
      what="suggestions"
      noun={{ one: 'suggestion', many: 'suggestions' }}
      description="Suggestions, in the order they were made"
      fields={SUGGESTION_FILTERS}
      list={list}
      empty="No suggestions recorded yet."
      head={
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Suggestion</th>
          <th scope="col">Topic</th>
          <th scope="col">Suggested by</th>
          <th scope="col">Status</th>
          <th scope="col">Outcome</th>
        </tr>
      }
      row={(suggestion) => (
        <tr key={suggestion.id}>
          <td className="records-date">{dateTime(suggestion.madeAt)}</td>
          <th scope="row" className="records-main">
            {suggestion.description}
          </th>
          <td>{words(suggestion.topic)}</td>
          <td>
            {words(suggestion.suggestedByRole)}
            {suggestion.carer ? <span className="records-detail">{suggestion.carer.pseudonym}</span> : null}
            {suggestion.organisationId ? <span className="records-detail">{suggestion.organisationId}</span> : null}
          </td>
          <td>
            <span className={`records-status records-status-${suggestion.status}`}>{words(suggestion.status)}</span>
          </td>
          <td>
            {!suggestion.adoptedAt && !suggestion.declinedAt && !suggestion.implementedAt ? (
              <span className="muted">awaiting an answer</span>
            ) : (
              <dl className="records-facts">
                {suggestion.adoptedAt ? (
                  <>
                    <dt>Adopted</dt>
                    <dd>
                      {dateTime(suggestion.adoptedAt)}
                      {suggestion.adoptionNote ? `: ${suggestion.adoptionNote}` : ''}
                    </dd>
                  </>
                ) : null}
                {suggestion.declinedAt ? (
                  <>
                    <dt>Declined</dt>
                    <dd>{dateTime(suggestion.declinedAt)}</dd>
                    <dt>Reason</dt>
                    <dd>
                      {suggestion.declineReason ? words(suggestion.declineReason) : 'not given'}
                      {suggestion.declineNote ? `: ${suggestion.declineNote}` : ''}
                    </dd>
                  </>
                ) : null}
                {suggestion.implementedAt ? (
                  <>
                    <dt>Implemented</dt>
                    <dd>
                      {dateTime(suggestion.implementedAt)}
                      {suggestion.implementationNote ? `: ${suggestion.implementationNote}` : ''}
                    </dd>
                  </>
                ) : null}
                {suggestion.decisionId ? (
                  <>
                    <dt>Decision</dt>
                    <dd>recorded as a decision</dd>
                  </>
                ) : null}
              </dl>
            )}
          </td>
        </tr>
      )}
    />
  );
}
