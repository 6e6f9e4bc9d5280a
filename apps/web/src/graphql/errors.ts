import type { CombinedError } from 'urql';

/** Readers see the API's words, and why: the reason code it gives (FORBIDDEN, NOT_A_PROJECT_MEMBER…). */
export interface ErrorDescription {
  readonly message: string;
  readonly code: string | null;
  readonly reason: string | null;
}

const PLAIN: Record<string, string> = {
  UNAUTHENTICATED: 'Your sign-in is no longer valid. Sign in again.',
  FORBIDDEN: 'Your role may not see this.',
  NOT_FOUND: 'This does not exist (or no longer does).',
  RATE_LIMITED: 'Too many requests: wait a moment and try again.',
  CONSISTENCY_TIMEOUT: 'The figures are still being updated: try again in a moment.',
};

export function describeError(error: CombinedError): ErrorDescription {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { message: 'The platform cannot be reached. Check the connection and try again.', code: null, reason: null };
  }
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : null;
  const reason = typeof first?.extensions?.reason === 'string' ? first.extensions.reason : null;
  const plain = code ? PLAIN[code] : undefined;
  return { message: plain ? `${plain} (${first?.message ?? code})` : (first?.message ?? error.message), code, reason };
}
