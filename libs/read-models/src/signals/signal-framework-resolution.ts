import type { SqlExecutor } from '#database';
import { readSideError } from '../shared/read-side.reasons.js';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import type { SignalFrameworkStore } from './framework-store.js';
import type { SignalFramework } from './framework.js';
import { SIGNAL_FACTS_TABLE } from './signal-facts.projection.js';
import { VISIBLE } from './signal-query.js';
import type { FrameworkSource, SignalWarning, UsedFramework } from './signal-report.js';
import type { FrameworkRef, SignalScope, TimeTravel } from './signal-requests.js';
import { signalsError } from './signals.reasons.js';

const FACTS = SIGNAL_FACTS_TABLE;

export interface ResolvedFramework {
  readonly framework: SignalFramework;
  readonly used: UsedFramework;
  readonly warnings: SignalWarning[];
}

/**
 * What the scope's facts say before any figure: whether anything is known of it (a project
 * launched, a territory with facts; time travel aside), its territory (given, else the one the
 * project's visible launch names) and that territory's latest visible framework adoption.
 */
export interface ScopeFacts {
  readonly known: boolean;
  readonly territoryId: string | null;
  readonly adoption: FrameworkRef | null;
}

const KNOWN = {
  project: `exists (select 1 from ${FACTS} where project_id = $1 and kind = 'project_launched')`,
  territory: `exists (select 1 from ${FACTS} where territory_id = $4)`,
};

/** The scope's facts in one statement (each part is an index lookup; a statement each cost more in round trips). */
export async function scopeFacts(database: SqlExecutor, scope: SignalScope, travel: TimeTravel): Promise<ScopeFacts> {
  const [row] = await database.query<{
    known: boolean;
    territory_id: string | null;
    adopted: boolean | null;
    subject_id: string | null;
    amount: number | null;
  }>(
    `with territory as (
       select coalesce($4::text, (
         select l.territory_id from ${FACTS} l
         where l.project_id = $1::text and l.kind = 'project_launched' and ${VISIBLE('l')} limit 1
       )) as territory_id
     )
     select ${scope.projectId ? KNOWN.project : KNOWN.territory} as known, t.territory_id, a.adopted, a.subject_id, a.amount
     from territory t
     left join lateral (
       select true as adopted, a.subject_id, a.amount from ${FACTS} a
       where a.territory_id = t.territory_id and t.territory_id <> '' and a.kind = 'framework_adopted' and ${VISIBLE('a')}
       order by a.occurred_at desc, a.pos_commit desc, a.pos_prepare desc limit 1
     ) a on true`,
    [scope.projectId ?? null, travel.asOf, travel.knownAt, scope.territoryId ?? null],
  );
  return {
    known: Boolean(row?.known),
    territoryId: row?.territory_id ?? null,
    adoption: row?.adopted ? { id: row.subject_id!, version: Number(row.amount) } : null,
  };
}

/** Refuses a scope nothing is known of: a project never launched, a territory without facts (NOT_FOUND). */
export function requireKnownScope(scope: SignalScope, facts: ScopeFacts): void {
  if (facts.known) return;
  if (scope.projectId) throw readSideError('PROJECT_NOT_FOUND', `No project ${scope.projectId} was launched`);
  throw readSideError('TERRITORY_NOT_FOUND', `No territory ${scope.territoryId} is known`);
}

const usedAs = (framework: SignalFramework, source: FrameworkSource): UsedFramework => ({
  id: framework.id,
  version: framework.version,
  name: framework.definition.name,
  source,
});

/**
 * The framework to use: the one asked for; else the one the scope's territory adopted (as
 * visible under asOf/knownAt, like every other fact); else the default.
 */
export async function resolveFramework(
  frameworks: Pick<SignalFrameworkStore, 'get'>,
  facts: ScopeFacts,
  requested: FrameworkRef | null,
): Promise<ResolvedFramework> {
  if (requested) {
    const framework = await frameworks.get(requested.id, requested.version);
    if (!framework) {
      throw signalsError(
        'SIGNAL_FRAMEWORK_NOT_FOUND',
        `No signal framework ${requested.id} version ${requested.version} is registered`,
        { frameworkId: requested.id, version: requested.version },
      );
    }
    return { framework, used: usedAs(framework, 'REQUESTED'), warnings: [] };
  }
  const { territoryId, adoption } = facts;
  if (adoption) {
    const framework = await frameworks.get(adoption.id, adoption.version);
    if (framework) return { framework, used: usedAs(framework, 'TERRITORY_ADOPTED'), warnings: [] };
    return {
      framework: DEFAULT_FRAMEWORK,
      used: usedAs(DEFAULT_FRAMEWORK, 'DEFAULT'),
      warnings: [
        {
          kind: 'FRAMEWORK_NOT_REGISTERED',
          signal: null,
          message: `Territory ${territoryId} adopted framework ${adoption.id} version ${adoption.version}, which is not registered; the default framework was used`,
          value: null,
          threshold: null,
          code: `${adoption.id}@${adoption.version}`,
        },
      ],
    };
  }
  return { framework: DEFAULT_FRAMEWORK, used: usedAs(DEFAULT_FRAMEWORK, 'DEFAULT'), warnings: [] };
}
