import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { type ConnectionValue, pageInfoOf, type PageRequest } from './pagination.js';
import { DirectoryReader, keyOf, type KeyedSpec, type ListSpec, NO_PARENT, type PageOf } from './directory.reader.js';

/**
 * The DataLoaders of one GraphQL request. Every nested field goes through them, so a level of a
 * query costs one statement whatever the number of parents: `activities { attendance { carers } }`
 * over 100 activities reads attendance once, for all 100.
 *
 * Loaders are created lazily per spec (and per distinct arguments for lists), and live as long
 * as the request: nothing is cached across requests, so a query never reads stale read models.
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

  private keyedLoader<N>(spec: KeyedSpec<N>): DataLoader<string, N[]> {
    return this.loader(`keyed:${spec.from}:${spec.key.join(',')}`, async (keys) => {
      const found = await this.reader.byKeys(
        spec,
        keys.map((key) => JSON.parse(key) as string[]),
      );
      return keys.map((key) => found.get(key) ?? []);
    });
  }

  /** The row with that key (an id, or a composite key), or null. */
  async one<N>(spec: KeyedSpec<N>, ...key: string[]): Promise<N | null> {
    return (await this.keyedLoader(spec).load(keyOf(key)))[0] ?? null;
  }

  /** Every row with that key, e.g. the observations of a piece of evidence. */
  many<N>(spec: KeyedSpec<N>, ...key: string[]): Promise<N[]> {
    return this.keyedLoader(spec).load(keyOf(key));
  }

  /**
   * A page of a list for one parent (a project) or for none (a top-level list). Parents that ask
   * for the same list with the same arguments share one statement; `totalCount` is read only if selected.
   */
  async connection<F, N>(
    spec: ListSpec<F, N>,
    parent: string | null,
    filter: F,
    request: PageRequest,
  ): Promise<ConnectionValue<N>> {
    const parentKey = parent ?? NO_PARENT;
    const args = JSON.stringify({ filter, request });
    const pages = this.loader<PageOf<N>>(`page:${spec.name}:${args}`, async (parents) => {
      const found = await this.reader.pages(spec, spec.parent === null ? null : parents, filter, request);
      return parents.map((key) => found.get(key) ?? { edges: [], hasNextPage: false });
    });
    const counts = this.loader<number>(`count:${spec.name}:${JSON.stringify(filter)}`, async (parents) => {
      const found = await this.reader.counts(spec, spec.parent === null ? null : parents, filter);
      return parents.map((key) => found.get(key) ?? 0);
    });
    const page = await pages.load(parentKey);
    return {
      edges: page.edges,
      pageInfo: pageInfoOf(page.edges, page.hasNextPage, request.after),
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

  constructor(@Inject(OPERATIONAL_DATABASE) database: SqlDatabase) {
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
}
