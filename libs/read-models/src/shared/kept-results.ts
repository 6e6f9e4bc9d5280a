import { LRUCache } from 'lru-cache';
import type { SqlExecutor } from '#database';
import { readScopeVersions } from './scope-versions.js';

/** A versions table and the scope's key in it (shared/scope-versions.ts). */
export interface VersionRead {
  readonly table: string;
  readonly key: string;
}

/**
 * Answers computed from a scope's facts, kept while the scope's versions stay the same. Dashboards
 * ask the same questions again and again (every viewer, every refresh) and each answer costs a
 * score of queries; a kept answer costs one indexed read. The versions are read before computing,
 * so facts written meanwhile can only make a kept answer newer than its key, never older; and
 * every replica reads the shared table, so none serves an answer its facts have moved past.
 * A failed computation is not kept.
 */
export class KeptResults<T> {
  private readonly kept: LRUCache<string, Promise<T>>;

  constructor(
    private readonly database: SqlExecutor,
    max: number,
  ) {
    this.kept = new LRUCache({ max });
  }

  async get(versions: readonly VersionRead[], question: string, compute: () => Promise<T>): Promise<T> {
    const key = `${(await readScopeVersions(this.database, versions)).join('|')}|${question}`;
    const kept = this.kept.get(key);
    if (kept) return kept;
    const computed = compute();
    this.kept.set(key, computed);
    computed.catch(() => this.kept.delete(key));
    return computed;
  }
}
