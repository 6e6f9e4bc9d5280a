import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';
import type { NextPage } from '../../graphql/next-page';
import { count, date } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { HeadRow, type Column } from '../table';
import {
  describeFilters,
  enumWords,
  filterInput,
  formValues,
  PAGE_SIZE_PARAM,
  PAGE_SIZES,
  pageSize,
  showing,
  stableKey,
  withFilters,
  withoutFilters,
  type FilterField,
} from './filters';

/** What every connection of the schema answers: the page's edges, whether more follow, the total. */
export interface Connection<Node> {
  readonly totalCount: number;
  readonly pageInfo: NextPage;
  readonly edges: ReadonlyArray<{ readonly node: Node }>;
}

export interface PagedList<Node> {
  /** Every row loaded so far, page after page. */
  readonly rows: readonly Node[];
  readonly totalCount: number | null;
  readonly hasNextPage: boolean;
  /** The first page is on its way (nothing to show yet). */
  readonly loading: boolean;
  /** A further page is on its way (the rows so far stay). */
  readonly loadingMore: boolean;
  readonly error: CombinedError | undefined;
  /** The API answered without the parent (no such project). */
  readonly missing: boolean;
  loadMore(): void;
  retry(): void;
}

interface PageState<Node> {
  readonly key: string;
  readonly earlier: readonly Node[];
  readonly after: string | null;
  readonly total: number | null;
}

/**
 * A cursor connection read page by page ("Load more"): the pages already read are kept, the next is
 * asked with `after` = the last page's `endCursor`. Any change of the other variables (a filter, the
 * page size) starts again from the first page.
 */
export function usePagedConnection<Data, Variables extends AnyVariables, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  select: (data: Data) => Connection<Node> | null | undefined,
): PagedList<Node> {
  const key = stableKey(variables);
  const [state, setState] = useState<PageState<Node>>({ key, earlier: [], after: null, total: null });
  let current = state;
  if (state.key !== key) {
    current = { key, earlier: [], after: null, total: null };
    setState(current);
  }
  const [result, reexecute] = useQuery({
    query,
    variables: { ...variables, after: current.after } as unknown as Variables,
  });
  const page = !result.fetching && result.data ? select(result.data) : null;
  const rows = page ? [...current.earlier, ...page.edges.map((edge) => edge.node)] : current.earlier;
  return {
    rows,
    totalCount: page?.totalCount ?? current.total,
    hasNextPage: Boolean(page?.pageInfo.hasNextPage && page.pageInfo.endCursor),
    loading: result.fetching && current.after === null,
    loadingMore: result.fetching && current.after !== null,
    error: result.fetching ? undefined : result.error,
    missing: !result.fetching && !result.error && result.data !== undefined && !page,
    loadMore() {
      if (!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      setState({ key, earlier: rows, after: page.pageInfo.endCursor, total: page.totalCount });
    },
    retry() {
      reexecute({ requestPolicy: 'network-only' });
    },
  };
}

/** The list's filters as labelled form controls; applied on submit, kept in the URL. */
export function FilterForm({ fields, what }: { fields: readonly FilterField[]; what: string }) {
  const [params, setParams] = useSearchParams();
  const fromUrl: Record<string, string> = {
    ...formValues(fields, params),
    [PAGE_SIZE_PARAM]: String(pageSize(params)),
  };
  const urlKey = stableKey(fromUrl);
  const [values, setValues] = useState(fromUrl);
  const [syncedKey, setSyncedKey] = useState(urlKey);
  if (syncedKey !== urlKey) {
    setSyncedKey(urlKey);
    setValues(fromUrl);
  }
  const filtered = fields.some((field) => params.has(field.name));
  const set = (name: string, value: string) => setValues((before) => ({ ...before, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sizeField: FilterField = { type: 'text', name: PAGE_SIZE_PARAM, label: 'Rows per page' };
    const next = withFilters([...fields, sizeField], values, params);
    if (next.get(PAGE_SIZE_PARAM) === String(pageSize(new URLSearchParams()))) next.delete(PAGE_SIZE_PARAM);
    setParams(next);
  };
  return (
    <form className="records-filters no-print" role="search" aria-label={`Filter ${what}`} onSubmit={submit}>
      {fields.map((field) => {
        const id = `filter-${field.name}`;
        const value = values[field.name] ?? '';
        return (
          <div className="records-filter" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            {field.type === 'enum' ? (
              <select id={id} value={value} onChange={(event) => set(field.name, event.target.value)}>
                <option value="">any</option>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {enumWords(option)}
                  </option>
                ))}
              </select>
            ) : field.type === 'boolean' ? (
              <select id={id} value={value} onChange={(event) => set(field.name, event.target.value)}>
                <option value="">any</option>
                <option value="yes">yes</option>
                <option value="no">no</option>
              </select>
            ) : field.type === 'text' ? (
              <input
                id={id}
                type="text"
                value={value}
                maxLength={100}
                spellCheck={false}
                onChange={(event) => set(field.name, event.target.value)}
              />
            ) : (
              <input id={id} type="date" value={value} onChange={(event) => set(field.name, event.target.value)} />
            )}
          </div>
        );
      })}
      <div className="records-filter">
        <label htmlFor="filter-page-size">Rows per page</label>
        <select
          id="filter-page-size"
          value={values[PAGE_SIZE_PARAM]}
          onChange={(event) => set(PAGE_SIZE_PARAM, event.target.value)}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="records-filter-actions">
        <button type="submit">Apply filters</button>
        {filtered ? (
          <button type="button" className="secondary" onClick={() => setParams(withoutFilters(fields, params))}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}

export interface RecordsListProps<Node> {
  /** "decisions": the form says "Filter decisions"; `noun.many` unless said. */
  readonly what?: string;
  readonly noun: { readonly one: string; readonly many: string };
  /** What the list holds and in which order, e.g. "Decisions, in the order they were taken". */
  readonly description: string;
  readonly fields: readonly FilterField[];
  readonly list: PagedList<Node>;
  /** Said when the project has none at all; "No <what> recorded yet." unless said. */
  readonly empty?: string;
  readonly columns: readonly Column[];
  readonly row: (node: Node, index: number) => ReactNode;
}

/**
 * One list of records: its filters, its states (loading, error with the API's reason, empty), a table
 * whose caption says what is shown, and "Load more" while pages follow.
 */
export function RecordsList<Node>({
  noun,
  what = noun.many,
  description,
  fields,
  list,
  empty = `No ${what} recorded yet.`,
  columns,
  row,
}: RecordsListProps<Node>) {
  const [params] = useSearchParams();
  const filters = describeFilters(fields, params, (day) => date(`${day}T00:00:00.000Z`));
  const body = useRef<HTMLTableSectionElement>(null);
  const captionId = useId();
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    // After "Load more", the first new row takes the focus, so a keyboard reader goes on from there.
    if (focusRow === null || list.loadingMore) return;
    const target = body.current?.rows.item(focusRow);
    if (target) target.focus();
    setFocusRow(null);
  }, [focusRow, list.loadingMore, list.rows.length]);

  const summary =
    list.totalCount !== null && !list.loading ? showing(list.rows.length, list.totalCount, noun, count) : null;
  return (
    <>
      <FilterForm fields={fields} what={what} />
      {list.loading ? <Loading what={what} /> : null}
      {list.error ? (
        <div className="records-error">
          <ErrorNotice error={list.error} />
          <button type="button" className="secondary" onClick={list.retry}>
            Try again
          </button>
        </div>
      ) : null}
      {list.missing ? <Empty>This project does not exist, or you are not one of its members.</Empty> : null}
      {!list.loading && !list.error && !list.missing && list.totalCount === 0 ? (
        <Empty>{filters ? `No ${noun.one} matches these filters.` : empty}</Empty>
      ) : null}
      {list.rows.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="records-table">
            <caption id={captionId}>
              {description}
              {summary ? ` — ${summary}` : ''}
              {filters ? ` Filtered by ${filters}.` : ''}
            </caption>
            <thead>
              <HeadRow columns={columns} />
            </thead>
            <tbody ref={body}>{list.rows.map((node, index) => row(node, index))}</tbody>
          </table>
        </div>
      ) : null}
      <p className="records-summary" role="status" aria-live="polite">
        {list.loadingMore ? `Loading more ${noun.many}…` : list.rows.length > 0 ? summary : ''}
      </p>
      {list.hasNextPage && !list.loadingMore ? (
        <button
          type="button"
          className="records-more no-print"
          onClick={() => {
            setFocusRow(list.rows.length);
            list.loadMore();
          }}
        >
          Load more {noun.many}
        </button>
      ) : null}
    </>
  );
}

/** The variables of every project list query, besides `after`. */
interface ProjectListVariables {
  readonly projectId: string;
  readonly first: number;
  readonly filter?: unknown;
}

export interface ProjectRecordsListProps<Data, Variables extends AnyVariables, Node> extends Omit<
  RecordsListProps<Node>,
  'list'
> {
  readonly projectId: string;
  /** A `project(id: $projectId) { <connection>(first: $first, after: $after, filter: $filter) }` query. */
  readonly query: TypedDocumentNode<Data, Variables>;
  readonly select: (data: Data) => Connection<Node> | null | undefined;
}

/**
 * One of the project's connections as a list of records: page size and filter input read from the
 * URL, pages read with "Load more".
 */
export function ProjectRecordsList<Data, Variables extends AnyVariables, Node>({
  projectId,
  query,
  select,
  ...props
}: ProjectRecordsListProps<Data, Variables, Node>) {
  const [params] = useSearchParams();
  const variables: ProjectListVariables = {
    projectId,
    first: pageSize(params),
    filter: filterInput(props.fields, params),
  };
  const list = usePagedConnection(query, variables as unknown as Omit<Variables, 'after'>, select);
  return <RecordsList {...props} list={list} />;
}
