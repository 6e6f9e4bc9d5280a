import { LRUCache } from 'lru-cache';
import {
  partnershipAggregate,
  partnershipStreamId,
  projectStreamId,
  upcast,
  type PartnershipEvent,
  type PartnershipState,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';

/** Who belongs to a project, read from the event log so a join or a departure counts at once. */
export interface ProjectMembership {
  readonly exists: boolean;
  /** The organisation of whoever launched the project. */
  readonly launchedBy: string | null;
  /** Current partners (an organisation that left is not one). */
  readonly partners: ReadonlySet<string>;
}

/** How many projects' partnerships are kept folded (each a few hundred bytes). */
export const MEMBERSHIPS_KEPT = 5_000;

interface Folded {
  readonly launchedBy: string | null;
  readonly state: PartnershipState;
  /** The partnership stream's next revision: where the next read starts. */
  readonly nextRevision: bigint;
  /** The store's append mark taken before the fold was last brought up to date (EventStore.appendMark). */
  readonly mark: number | null;
}

/**
 * Every authorised request asks who belongs to its project. Reading and folding the whole
 * partnership stream each time cost more than the rest of a signals query, so the fold is kept
 * and only the events after it are read: one small read per request that still sees a join or a
 * departure at once, on every replica, because the log stays the source of truth. The launch is
 * read once: it never changes after it happened. On PGlite this process is the log's only writer,
 * so while nothing was appended at all (EventStore.appendMark) not even that read is needed.
 */
export class ProjectMemberships {
  private readonly folded = new LRUCache<string, Folded>({ max: MEMBERSHIPS_KEPT });

  constructor(private readonly store: EventStore) {}

  async of(projectId: string): Promise<ProjectMembership> {
    // Taken before anything is read: an append after it changes the mark, so the next ask reads again.
    const mark = this.store.appendMark?.() ?? null;
    const known = this.folded.get(projectId) ?? (await this.launched(projectId));
    if (!known) return { exists: false, launchedBy: null, partners: new Set() };
    // Nothing appended anywhere since the fold was brought up to date (PGlite, where this process is the only writer).
    if (mark !== null && known.mark === mark) return membershipOf(known);
    const newer = await this.store.readStream(partnershipStreamId(projectId), { fromRevision: known.nextRevision });
    const current = { ...(newer.length === 0 ? known : this.evolve(known, newer)), mark };
    // Two requests may fold the same events at once; keep whichever saw more of the stream.
    if (current.nextRevision >= (this.folded.get(projectId)?.nextRevision ?? -1n)) this.folded.set(projectId, current);
    return membershipOf(current);
  }

  private async launched(projectId: string): Promise<Folded | null> {
    const [launch] = await this.store.readStream(projectStreamId(projectId), { limit: 1 });
    if (!launch) return null;
    return {
      launchedBy: launch.metadata.actor.organisationId ?? null,
      state: partnershipAggregate.decider.initialState,
      nextRevision: 0n,
      mark: null,
    };
  }

  private evolve(known: Folded, events: readonly RecordedEvent[]): Folded {
    let state = known.state;
    for (const recorded of events) {
      const event = upcast(recorded);
      state = partnershipAggregate.decider.evolve(state, {
        type: event.type,
        data: event.data,
      } as unknown as PartnershipEvent);
    }
    return { ...known, state, nextRevision: events[events.length - 1]!.revision + 1n };
  }
}

function membershipOf({ launchedBy, state }: Folded): ProjectMembership {
  return { exists: true, launchedBy, partners: new Set(state.status === 'formed' ? state.partners.keys() : []) };
}
