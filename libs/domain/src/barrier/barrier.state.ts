export type BarrierState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'open' | 'resolved';
      readonly projectId: string;
      /** ISO instant of the latest fact; nothing may be dated before it. */
      readonly lastAt: string;
      readonly actionIds: readonly string[];
    };
