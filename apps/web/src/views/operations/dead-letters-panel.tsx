import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { DataTable } from '../../ui/data-table';
import { dateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { useQueryParams } from '../../app/search-params';

const DeadLettersQuery = graphql(`
  query OperationsDeadLetters($projection: String) {
    deadLetters(projection: $projection) {
      id
      projection
      eventId
      eventType
      streamId
      error
      skippedAt
      skippedBy
    }
    projections {
      name
    }
  }
`);

/** Events an admin skipped after they failed a projection, newest first; `?projection=` narrows the list. */
export function DeadLettersPanel() {
  const [params, setParams] = useQueryParams();
  const projection = params.get('projection') || null;
  const [{ data, error, fetching }] = useQuery({ query: DeadLettersQuery, variables: { projection } });
  const letters = [...(data?.deadLetters ?? [])].sort((a, b) => b.skippedAt.localeCompare(a.skippedAt));
  return (
    <section aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">Dead letters</h2>
      <p className="muted">
        Events skipped after they failed a projection: that projection never applied them. The others did.
      </p>
      <form className="filters no-print" aria-label="Dead letters filter" onSubmit={(e) => e.preventDefault()}>
        <label>
          Projection{' '}
          <select
            value={projection ?? ''}
            onChange={(event) =>
              setParams((current) => {
                const next = new URLSearchParams(current);
                if (event.target.value) next.set('projection', event.target.value);
                else next.delete('projection');
                return next;
              })
            }
          >
            <option value="">every projection</option>
            {(data?.projections ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
            {projection && data && !data.projections.some((p) => p.name === projection) ? (
              <option value={projection}>{projection}</option>
            ) : null}
          </select>
        </label>
      </form>
      {fetching ? <Loading what="dead letters" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && letters.length === 0 ? (
        <Empty>No dead letters{projection ? ` for ${projection}` : ''}: no event has been skipped.</Empty>
      ) : null}
      {data && letters.length > 0 ? (
        <DataTable
          caption={`${letters.length} skipped event${letters.length === 1 ? '' : 's'}${projection ? ` of ${projection}` : ''}, newest first`}
          rows={letters}
          rowKey={(letter) => letter.id}
          columns={[
            { header: 'Skipped', cell: (letter) => dateTime(letter.skippedAt) },
            { header: 'Skipped by', cell: (letter) => letter.skippedBy },
            { header: 'Projection', cell: (letter) => letter.projection },
            { header: 'Event type', cell: (letter) => letter.eventType },
            { header: 'Event', cell: (letter) => <code>{letter.eventId}</code> },
            { header: 'Stream', cell: (letter) => <code>{letter.streamId}</code> },
            { header: 'Error', cell: (letter) => <span className="error-text">{letter.error}</span> },
          ]}
        />
      ) : null}
    </section>
  );
}
