export interface TerritorySignalFrameworkInForce {
  readonly frameworkId: string;
  readonly version: number;
}

export type ProgrammeState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'launched';
      /** A Map, not a Record: caller-chosen ids must never collide with Object.prototype keys. */
      readonly territories: ReadonlyMap<string, { readonly framework: TerritorySignalFrameworkInForce | null }>;
    };
