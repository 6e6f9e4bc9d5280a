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

/** Refuses a scope nothing is known of: a project never launched, a territory without facts (NOT_FOUND). */
export async function requireKnownScope(database: SqlExecutor, scope: SignalScope): Promise<void> {
  if (scope.projectId) {
    const rows = await database.query(
      `select 1 from ${FACTS} where project_id = $1 and kind = 'project_launched' limit 1`,
      [scope.projectId],
    );
    if (rows.length === 0) throw readSideError('PROJECT_NOT_FOUND', `No project ${scope.projectId} was launched`);
  } else {
    const rows = await database.query(`select 1 from ${FACTS} where territory_id = $1 limit 1`, [scope.territoryId]);
    if (rows.length === 0) throw readSideError('TERRITORY_NOT_FOUND', `No territory ${scope.territoryId} is known`);
  }
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
  database: SqlExecutor,
  frameworks: Pick<SignalFrameworkStore, 'get'>,
  scope: SignalScope,
  travel: TimeTravel,
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
  const territoryId = scope.territoryId ?? (await territoryOf(database, scope.projectId!, travel));
  const adoption = territoryId ? await adoptedFramework(database, territoryId, travel) : null;
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

/** The territory the project was launched in, if its launch is visible. */
async function territoryOf(database: SqlExecutor, projectId: string, travel: TimeTravel): Promise<string | null> {
  const [row] = await database.query<{ territory_id: string | null }>(
    `select l.territory_id from ${FACTS} l where l.project_id = $1 and l.kind = 'project_launched' and ${VISIBLE('l')} limit 1`,
    [projectId, travel.asOf, travel.knownAt],
  );
  return row?.territory_id ?? null;
}

/** The territory's latest visible framework adoption. */
async function adoptedFramework(
  database: SqlExecutor,
  territoryId: string,
  travel: TimeTravel,
): Promise<FrameworkRef | null> {
  const [row] = await database.query<{ subject_id: string; amount: number }>(
    `select a.subject_id, a.amount from ${FACTS} a
     where a.territory_id = $1 and a.kind = 'framework_adopted' and ${VISIBLE('a')}
     order by a.occurred_at desc, a.pos_commit desc, a.pos_prepare desc limit 1`,
    [territoryId, travel.asOf, travel.knownAt],
  );
  return row ? { id: row.subject_id, version: Number(row.amount) } : null;
}
