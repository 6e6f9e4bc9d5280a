import type { Actor } from '#event-store';

export const ROLES = ['carer', 'provider', 'researcher', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Ids that end up in events' actor metadata: short, printable, no separators that could confuse a log reader. */
export const PRINCIPAL_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The verified caller of one request. It is the `Actor` written into events' metadata, plus how
 * the caller proved who they are (an API key is revocable, so its id travels with the token).
 */
export interface Principal extends Actor {
  readonly role: Role;
  readonly apiKeyId?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Providers, researchers and analysts act for an organisation; carers act as themselves, admins for the platform. */
export function actsForOrganisation(role: Role): boolean {
  return role === 'provider' || role === 'researcher' || role === 'analyst';
}
