import { Field, ID, ObjectType } from '@nestjs/graphql';
import { formatPosition } from '#event-store';
import type { AuditEntry as AuditEntryView } from '#read-models/audit';
import { Connection } from '../read-side/pagination.js';

@ObjectType({
  description:
    "Who did what and when: one recorded event, from its type and its actor metadata. Never the event's data (docs/audit.md).",
})
export class AuditEntry {
  @Field({ description: "The event's position in the log (a consistency token, like a mutation's `position`)." })
  position!: string;

  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'What happened, e.g. ActivityCancelled.' })
  eventType!: string;

  @Field({ description: 'The stream (aggregate) the event was appended to.' })
  streamId!: string;

  @Field(() => ID, { description: 'Who did it.' })
  actorId!: string;

  @Field({ description: 'The role the actor acted in: carer, provider, researcher, analyst or admin.' })
  actorRole!: string;

  @Field(() => ID, { nullable: true, description: "The actor's organisation, when the actor acted for one." })
  actorOrganisationId!: string | null;

  @Field(() => ID, { nullable: true })
  projectId!: string | null;

  @Field(() => ID, { nullable: true })
  territoryId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The client-chosen command id of the mutation, when it sent one.' })
  commandId!: string | null;

  @Field({ description: 'When it happened in the world (history may be entered after the fact).' })
  occurredAt!: Date;

  @Field({ description: 'When the platform recorded it.' })
  recordedAt!: Date;

  static of(view: AuditEntryView): AuditEntry {
    return Object.assign(new AuditEntry(), {
      position: formatPosition(view.position),
      eventId: view.eventId,
      eventType: view.eventType,
      streamId: view.streamId,
      actorId: view.actorId,
      actorRole: view.actorRole,
      actorOrganisationId: view.actorOrganisationId,
      projectId: view.projectId,
      territoryId: view.territoryId,
      commandId: view.commandId,
      occurredAt: view.occurredAt,
      recordedAt: view.recordedAt,
    });
  }
}

@ObjectType({ description: 'Audit entries, newest first (descending log position: the reverse of recorded order).' })
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}
