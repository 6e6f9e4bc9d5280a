/** The command line's way to a running platform: its base URL and the caller's bearer token. */
export interface Connection {
  readonly url: string;
  readonly token: string;
}

/** The platform refused or could not be reached: exit code 1. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The command line was used wrongly (a missing token, a bad value): exit code 2. */
export class UsageError extends Error {}

interface GraphQLAnswer<T> {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: { code?: string; reason?: string } }[];
}

const endpoint = (connection: Connection, path: string) => `${connection.url.replace(/\/+$/, '')}${path}`;

/** An HTTP request to the platform with the caller's token; an unreachable platform is a PlatformError. */
export async function request(connection: Connection, path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(endpoint(connection, path), {
      ...init,
      headers: { authorization: `Bearer ${connection.token}`, ...(init.headers as Record<string, string>) },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new PlatformError(
      `Cannot reach the platform at ${connection.url} (${cause?.code ?? cause?.message ?? (error as Error).message}); is it running? (--url)`,
    );
  }
}

/** A refusal in the platform's HTTP error body `{"error": {code, reason, message}}`, or the status line. */
export async function refusalOf(response: Response): Promise<PlatformError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; reason?: string; message?: string } };
    if (error?.message) return new PlatformError(error.message, error.reason ?? error.code);
    const { errors } = JSON.parse(text) as GraphQLAnswer<unknown>;
    const [first] = errors ?? [];
    if (first) return new PlatformError(first.message, first.extensions?.reason ?? first.extensions?.code);
  } catch {
    // not JSON: the status says it
  }
  return new PlatformError(`The platform answered HTTP ${response.status} ${response.statusText}`.trim());
}

/** Runs a GraphQL operation; the first error, if any, is thrown with its reason. */
export async function graphql<T>(
  connection: Connection,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request(connection, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    throw new PlatformError(`The platform answered HTTP ${response.status} without a GraphQL body`);
  }
  const [first] = answer.errors ?? [];
  if (first) throw new PlatformError(first.message, first.extensions?.reason ?? first.extensions?.code);
  return answer.data!;
}

/** The lines of a streamed body as they arrive. */
export async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    let at: number;
    while ((at = rest.indexOf('\n')) !== -1) {
      const line = rest.slice(0, at);
      rest = rest.slice(at + 1);
      if (line.trim() !== '') yield line;
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield rest;
}
