import type { Actor } from '#event-store';

/**
 * Who may see individual carers at all. Providers run the service and know the carers they
 * registered; every other role (including admins, who operate the platform) works with
 * pseudonyms and aggregates only, so aggregates over a handful of carers are suppressed for them.
 */
export function mayIdentifyCarers(actor: Actor): boolean {
  return actor.role === 'provider';
}
