import { migrate, type Migration, type SqlExecutor, type SqlDatabase } from '#database';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { loadInstrumentCatalog } from './indicators/index.js';
import {
  frameworkInstruments,
  parseFrameworkDefinition,
  requireFrameworkRef,
  requireKnownInstruments,
  type SignalFramework,
  type SignalFrameworkDefinition,
} from './framework.js';
import { signalsError } from './signals.reasons.js';

/**
 * Registered signal frameworks. Not a projection (a rebuild must not lose them) and not in the
 * event log (no aggregate owns them): an append-only table of immutable versions, each with who
 * registered it and when. A version, once registered, never changes: registering it again with
 * the same definition is a no-op, with another definition a CONFLICT.
 */
export const signalFrameworkMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'signal frameworks',
    sql: `create table if not exists signal_frameworks (
      framework_id text not null,
      version integer not null,
      definition jsonb not null,
      registered_at timestamptz not null default now(),
      registered_by text not null,
      primary key (framework_id, version)
    )`,
  },
];

export interface RegisteredFramework extends SignalFramework {
  readonly registeredAt: Date;
  readonly registeredBy: string;
}

interface Row {
  framework_id: string;
  version: number;
  definition: SignalFrameworkDefinition | string;
  registered_at: Date | string;
  registered_by: string;
}

function fromRow(row: Row): RegisteredFramework {
  return {
    id: row.framework_id,
    version: Number(row.version),
    definition: typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition,
    registeredAt: new Date(row.registered_at),
    registeredBy: row.registered_by,
  };
}

/** JSON with object keys sorted, so two definitions compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class SignalFrameworkStore {
  constructor(private readonly database: SqlDatabase) {}

  /** Creates the table and registers the default framework (idempotent, safe from several processes). */
  async prepare(): Promise<void> {
    await migrate(this.database, 'signal-frameworks', signalFrameworkMigrations);
    await this.insert(this.database, DEFAULT_FRAMEWORK, 'platform');
  }

  /**
   * Registers a version. `definition` is untrusted JSON: validated, refused with BAD_USER_INPUT
   * listing every problem, including instruments it names that are not registered (as the signal
   * facts know them). Returns the stored framework and whether this call created it.
   */
  async register(
    id: string,
    version: number,
    definition: unknown,
    registeredBy: string,
  ): Promise<{ framework: RegisteredFramework; created: boolean }> {
    requireFrameworkRef(id, version);
    const parsed = parseFrameworkDefinition(definition);
    const named = frameworkInstruments(parsed).map(({ instrumentId }) => instrumentId);
    if (named.length > 0) {
      const catalog = await loadInstrumentCatalog(this.database, named);
      requireKnownInstruments(parsed, new Set(catalog.keys()));
    }
    const framework: SignalFramework = { id, version, definition: parsed };
    const inserted = await this.insert(this.database, framework, registeredBy);
    if (inserted) return { framework: inserted, created: true };
    const existing = await this.get(id, version);
    if (existing && canonicalJson(existing.definition) === canonicalJson(parsed)) {
      return { framework: existing, created: false };
    }
    throw signalsError(
      'SIGNAL_FRAMEWORK_VERSION_EXISTS',
      `Signal framework ${id} version ${version} is already registered with another definition; register a new version`,
      { frameworkId: id, version },
    );
  }

  async get(id: string, version: number): Promise<RegisteredFramework | null> {
    const [row] = await this.database.query<Row>(
      'select framework_id, version, definition, registered_at, registered_by from signal_frameworks where framework_id = $1 and version = $2',
      [id, version],
    );
    if (row) return fromRow(row);
    // The default is also in code, so it is known even before prepare() ran.
    if (id === DEFAULT_FRAMEWORK.id && version === DEFAULT_FRAMEWORK.version) {
      return { ...DEFAULT_FRAMEWORK, registeredAt: new Date(0), registeredBy: 'platform' };
    }
    return null;
  }

  async list(): Promise<RegisteredFramework[]> {
    const rows = await this.database.query<Row>(
      'select framework_id, version, definition, registered_at, registered_by from signal_frameworks order by framework_id, version',
    );
    return rows.map(fromRow);
  }

  private async insert(
    executor: SqlExecutor,
    framework: SignalFramework,
    registeredBy: string,
  ): Promise<RegisteredFramework | null> {
    const [row] = await executor.query<Row>(
      `insert into signal_frameworks (framework_id, version, definition, registered_by)
       values ($1, $2, $3::jsonb, $4)
       on conflict (framework_id, version) do nothing
       returning framework_id, version, definition, registered_at, registered_by`,
      [framework.id, framework.version, JSON.stringify(framework.definition), registeredBy],
    );
    return row ? fromRow(row) : null;
  }
}
