import type { EventOfType, PlatformEventType } from '#domain';

/** How the event of one type is exported: by the mutation that recorded it, or not at all (and why). */
export type HistoryEntry<T extends PlatformEventType> =
  | {
      readonly mutation: string;
      /**
       * The mutation's input, without commandId and occurredAt (the same for every line). A null
       * stands for a field left out: the resolvers read a missing optional field as null.
       */
      readonly input: (data: EventOfType<T>['data']) => Record<string, unknown>;
    }
  | { readonly notReplayed: string };

/** The entries of a group of event types: every one of them, and no other. */
export type HistoryEntries<T extends PlatformEventType> = { readonly [K in T]: HistoryEntry<K> };
