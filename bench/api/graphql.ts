/** A plain GraphQL client for set-up reads and pre-flight checks (outside the measurements). */

export interface GraphQLError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly GraphQLError[];
}

/** One error as the report prints it: the message, its code and its reason. */
export function describeError(error: GraphQLError): string {
  const code = error.extensions?.code;
  const reason = error.extensions?.reason;
  return [error.message, code ? `(${String(code)}${reason ? `, ${String(reason)}` : ''})` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * Whether one HTTP answer is a GraphQL success: status 200, `data` present and no `errors`.
 * Checked on every response under load, so the common case is a substring test; only a body that
 * may hold errors is parsed (no field the benchmark selects is named `errors`).
 */
export function graphqlFailure(status: number, body: string): string | null {
  if (status !== 200) return `HTTP ${status}${body ? `: ${firstError(body) ?? body.slice(0, 200)}` : ''}`;
  if (!body.includes('"errors"') && body.includes('"data":{')) return null;
  return firstError(body) ?? `no data: ${body.slice(0, 200)}`;
}

function firstError(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as GraphQLResponse<unknown>;
    const error = parsed.errors?.[0];
    return error ? describeError(error) : null;
  } catch {
    return null;
  }
}

export class GraphQLClient {
  constructor(
    private readonly origin: string,
    private readonly token: string,
  ) {}

  /** The same API, as the holder of another token. */
  as(token: string): GraphQLClient {
    return new GraphQLClient(this.origin, token);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as GraphQLResponse<T>;
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
    }
  }

  /** The data of a query that must succeed. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length || !response.data)
      throw new Error(`GraphQL set-up query failed: ${response.errors?.map(describeError).join('; ') ?? 'no data'}`);
    return response.data;
  }

  /** Every node of a paged connection, `connection` picking it out of the data. */
  async all<T, N>(
    query: string,
    variables: Record<string, unknown>,
    connection: (data: T) => { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: N }[] },
  ): Promise<N[]> {
    const nodes: N[] = [];
    let after: string | null = null;
    for (;;) {
      const page = connection(await this.data<T>(query, { ...variables, after }));
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
      after = page.pageInfo.endCursor;
    }
  }
}
