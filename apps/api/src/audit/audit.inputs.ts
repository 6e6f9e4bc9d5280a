import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN, idMessage } from '#domain';
import { AUDIT_EVENT_TYPE_PATTERN } from '#read-models/audit';

@InputType({
  description:
    'Which audit entries to list. Every field is optional; the fields given combine with AND. The time window is half-open, [from, to), on occurredAt.',
})
export class AuditFilterInput {
  @Field(() => ID, { nullable: true, description: 'The acting user (the actor id of the events).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('actorId') })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The acting user's organisation." })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The project the events belong to.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('projectId') })
  projectId?: string | null;

  @Field(() => String, { nullable: true, description: 'An event type, e.g. ActivityCancelled.' })
  @IsOptional()
  @Matches(AUDIT_EVENT_TYPE_PATTERN, {
    message: 'eventType must be an event type name such as ActivityCancelled (letters, digits, _ - . :)',
  })
  eventType?: string | null;

  @Field(() => Date, { nullable: true, description: 'occurredAt at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'occurredAt before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}
