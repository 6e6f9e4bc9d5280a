import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import type { ChannelReadingKind } from '#domain';
import { ChannelReadingKindEnum, InformationChannelKindEnum } from './information-channel.inputs.js';

export const INFORMATION_CHANNEL_STATUSES = ['active', 'retired'] as const;
export const InformationChannelStatusEnum = enumFromValues('InformationChannelStatus', INFORMATION_CHANNEL_STATUSES);

@ObjectType({
  description: 'Reach counters of a channel; null where a counter was not read (not measured), 0 a measured zero.',
})
export class ChannelCounters {
  @Field(() => Int, { nullable: true })
  likes!: number | null;

  @Field(() => Int, { nullable: true })
  visits!: number | null;

  @Field(() => Int, { nullable: true })
  downloads!: number | null;

  @Field(() => Int, { nullable: true })
  shares!: number | null;
}

@ObjectType({ description: "A reading of a channel's counters over the half-open period [periodStart, periodEnd)." })
export class ChannelReading extends ChannelCounters {
  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;

  @Field(() => ChannelReadingKindEnum, {
    description:
      'increment: the counters count what happened in the period; running_total: the totals at periodEnd since periodStart.',
  })
  readingKind!: ChannelReadingKind;
}

@ObjectType({ description: 'An online or offline channel through which the project and service are made known.' })
export class InformationChannel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => InformationChannelKindEnum)
  kind!: string;

  @Field()
  name!: string;

  @Field(() => InformationChannelStatusEnum)
  status!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retirementReason!: string | null;

  @Field(() => Int)
  readingCount!: number;

  @Field(() => Date, { nullable: true })
  lastPeriodEnd!: Date | null;

  @Field(() => Int, { description: 'New patients of a provider who heard of the service through this channel.' })
  newPatientsInformed!: number;
}

@ObjectType()
export class InformationChannelConnection extends Connection(InformationChannel, 'InformationChannel') {}
