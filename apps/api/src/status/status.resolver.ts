import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { EVENT_STORE, type EventStore, formatPosition } from '#event-store';
import { EventStoreStatus } from './event-store-status.model.js';

@Resolver(() => EventStoreStatus)
export class StatusResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => EventStoreStatus, { description: 'Where the event log stands.' })
  async eventStore(): Promise<EventStoreStatus> {
    const [last, streamCount] = await Promise.all([this.store.lastPosition(), this.store.streamCount()]);
    return { kind: this.store.kind, lastPosition: last ? formatPosition(last) : null, streamCount };
  }
}
