import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { eventStoreMigrations } from './migrations.js';

/**
 * A released migration has already run on users' databases: its SQL must stay the same to the byte.
 * These are the SHA-256 digests of each version's text as released; a new migration adds a line here.
 */
const RELEASED: Readonly<Record<number, string>> = {
  1: 'cf7f86d2ac797557de375b92b7ae7dcdfc600c5f80470ea71924d84cd5234405',
  2: 'e685235f0d8b11971278a417b76313f50e414f88f729c7aa7403b7685d4cebda',
  3: '6224e23e4a8da25f132ca2e451859a27dab0b2cd1b26a29dbb95c81dfba3e770',
};

describe('event store migrations', () => {
  it('keeps the text of every released migration', () => {
    const digests = Object.fromEntries(
      eventStoreMigrations.map((migration) => [
        migration.version,
        createHash('sha256').update(migration.sql).digest('hex'),
      ]),
    );
    expect(digests).toEqual(RELEASED);
  });
});
