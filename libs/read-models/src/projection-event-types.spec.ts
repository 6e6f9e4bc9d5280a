import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PLATFORM_EVENT_TYPES } from '#domain';
import { READ_MODEL_PROJECTIONS } from './registry.js';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('event types on the read side', () => {
  it.each(READ_MODEL_PROJECTIONS.map((projection) => [projection.name, projection] as const))(
    '%s subscribes only to event types the domain defines, each once',
    (_name, projection) => {
      const known = new Set<string>(PLATFORM_EVENT_TYPES);
      expect(projection.eventTypes.filter((type) => !known.has(type))).toEqual([]);
      expect(new Set(projection.eventTypes).size).toBe(projection.eventTypes.length);
    },
  );

  it('the domain lists every event type once', () => {
    expect(PLATFORM_EVENT_TYPES.length).toBeGreaterThan(60);
    expect(new Set(PLATFORM_EVENT_TYPES).size).toBe(PLATFORM_EVENT_TYPES.length);
  });

  it('no code outside the domain matches an event type by a string literal (handlers are typed instead)', () => {
    const alternatives = PLATFORM_EVENT_TYPES.join('|');
    // `case 'X'`, `=== 'X'`, `!== 'X'`, `'X' ===`, `.includes('X')`, `.has('X')`: a rename would still compile.
    const matched = new RegExp(
      `(case\\s+|[!=]==\\s*|\\.(?:includes|has|get)\\()['"\`](?:${alternatives})['"\`]|['"\`](?:${alternatives})['"\`]\\s*[!=]==`,
    );
    const offenders = ['apps', 'libs']
      .flatMap((top) => sources(join(ROOT, top)))
      .filter((path) => !relative(ROOT, path).startsWith('libs/domain/'))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, index) => [line, index] as const)
          .filter(([line]) => matched.test(line))
          .map(([line, index]) => `${relative(ROOT, path)}:${index + 1}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
