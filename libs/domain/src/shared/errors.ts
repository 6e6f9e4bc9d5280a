/**
 * Typed domain errors. `category` is what the API maps to GraphQL `extensions.code`
 * (BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN); `reason` is the stable, specific code a
 * client can branch on (e.g. ACTIVITY_ALREADY_HELD).
 */
export type DomainErrorCategory = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly category: DomainErrorCategory,
    readonly reason: string,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean | null>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (reason: string, message: string, details?: DomainError['details']) =>
  new DomainError('invalid', reason, message, details);
export const notFound = (reason: string, message: string, details?: DomainError['details']) =>
  new DomainError('not_found', reason, message, details);
export const conflict = (reason: string, message: string, details?: DomainError['details']) =>
  new DomainError('conflict', reason, message, details);
export const forbidden = (reason: string, message: string, details?: DomainError['details']) =>
  new DomainError('forbidden', reason, message, details);
