import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { INFORMATION_CHANNEL_KINDS } from '#domain';
import { InformationChannelKindEnum } from './information-channel.inputs.js';
import { INFORMATION_CHANNEL_STATUSES, InformationChannelStatusEnum } from './information-channel.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class InformationChannelFilterInput {
  @Field(() => InformationChannelKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(INFORMATION_CHANNEL_KINDS)
  kind?: string | null;

  @Field(() => InformationChannelStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(INFORMATION_CHANNEL_STATUSES)
  status?: string | null;
}
