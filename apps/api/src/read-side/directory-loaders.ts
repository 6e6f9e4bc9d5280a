import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { ConsistencyService } from '#read-models';
import {
  DIRECTORY_PROJECTION,
  DirectoryReader,
  keyOf,
  NO_PARENT,
  sortKeyOf,
  type DirectoryList,
  type DirectoryLookup,
  type DirectoryRow,
  type PageRequest,
  type RowPage,
} from '#read-models/directory';
import { type ConnectionValue, encodeCursor, pageInfoOf } from './pagination.js';

/** Turns a row of the directory into the API's type (each feature's mappers). */
export type RowMapper<N> = (row: DirectoryRow) => N;

/**
 * The DataLoaders of one GraphQL request. Every nested field goes through them, so a level of a
 * query costs one statement whatever the number of parents: `activities { attendance { carers } }`
 * over 100 activities reads attendance once, for all 100.
 *
 * Loaders are created lazily per lookup (and per list and distinct arguments), and live as long
 * as the request: nothing is cached across requests, so a query never reads stale read models.
 * They hold rows; each field maps them to its own type.
 */
export class DirectoryLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly reader: DirectoryReader) {}

  private loader<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  private rowsByKey(lookup: DirectoryLookup): DataLoader<string, DirectoryRow[]> {
    return this.loader(`keyed:${lookup.from}:${lookup.key.join(',')}`, async (keys) => {
      const found = await this.reader.byKeys(
        lookup,
        keys.map((key) => JSON.parse(key) as string[]),
      );
      return keys.map((key) => found.get(key) ?? []);
    });
  }

  /** The row with that key (an id, or a composite key) as a node, or null. */
  async one<N>(lookup: DirectoryLookup, toNode: RowMapper<N>, ...key: string[]): Promise<N | null> {
    const [row] = await this.rowsByKey(lookup).load(keyOf(key));
    return row === undefined ? null : toNode(row);
  }

  /** Every row with that key as nodes, e.g. the observations of a piece of evidence. */
  async many<N>(lookup: DirectoryLookup, toNode: RowMapper<N>, ...key: string[]): Promise<N[]> {
    const rows = await this.rowsByKey(lookup).load(keyOf(key));
    return rows.map((row) => toNode(row));
  }

  /**
   * A page of a list for one parent (a project) or for none (a top-level list). Parents that ask
   * for the same list with the same arguments share one statement; `totalCount` is read only if selected.
   */
  async connection<F, N>(
    list: DirectoryList<F>,
    toNode: RowMapper<N>,
    parent: string | null,
    filter: F,
    request: PageRequest,
  ): Promise<ConnectionValue<N>> {
    const parentKey = parent ?? NO_PARENT;
    const args = JSON.stringify({ filter, request });
    const pages = this.loader<RowPage>(`page:${list.name}:${args}`, async (parents) => {
      const found = await this.reader.pages(list, list.parent === null ? null : parents, filter, request);
      return parents.map((key) => found.get(key) ?? { rows: [], hasNextPage: false });
    });
    const counts = this.loader<number>(`count:${list.name}:${JSON.stringify(filter)}`, async (parents) => {
      const found = await this.reader.counts(list, list.parent === null ? null : parents, filter);
      return parents.map((key) => found.get(key) ?? 0);
    });
    const page = await pages.load(parentKey);
    const edges = page.rows.map((row) => ({
      cursor: encodeCursor(list.name, sortKeyOf(list, row)),
      node: toNode(row),
    }));
    return {
      edges,
      pageInfo: pageInfoOf(edges, page.hasNextPage, request.after),
      get totalCount() {
        return counts.load(parentKey);
      },
    };
  }
}

/** Hands each request its own loaders, keyed by the request's GraphQL context object. */
@Injectable()
export class DirectoryLoadersFactory {
  private readonly perRequest = new WeakMap<object, DirectoryLoaders>();
  private readonly reader: DirectoryReader;

  constructor(
    @Inject(OPERATIONAL_DATABASE) database: SqlDatabase,
    private readonly consistency: ConsistencyService,
  ) {
    this.reader = new DirectoryReader(database);
  }

  for(context: object): DirectoryLoaders {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = new DirectoryLoaders(this.reader);
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }

  /**
   * The loaders of an entry point of the directory: when given `atLeastPosition`, first waits until
   * the directory projection has processed that position (read-your-writes).
   */
  async ready(atLeastPosition: string | null | undefined, context: object): Promise<DirectoryLoaders> {
    await this.consistency.atLeast(atLeastPosition, [DIRECTORY_PROJECTION]);
    return this.for(context);
  }
}
