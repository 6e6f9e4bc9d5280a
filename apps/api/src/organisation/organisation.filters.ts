import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ORGANISATION_KINDS } from '#domain';
import { OrganisationKindEnum } from './organisation.inputs.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class OrganisationFilterInput {
  @Field(() => OrganisationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameContains?: string | null;
}
