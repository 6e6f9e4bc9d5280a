import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, ORGANISATION_KINDS, type OrganisationKind, idMessage } from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

/** Same shape as the organisation id in bearer tokens: letters, digits and `_ - . :` only. */

export const OrganisationKindEnum = enumFromValues(
  'OrganisationKind',
  ORGANISATION_KINDS,
  'University, research institute, service provider, care facility, funder, practitioner network or public agency.',
);

@InputType()
export class RegisterOrganisationInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId?: string | null;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field(() => OrganisationKindEnum)
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @Field(() => String, {
    nullable: true,
    description: 'How the organisation works and meets (e.g. weekly meetings, close supervision).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  culture?: string | null;
}

@InputType()
export class DescribeOrganisationCultureInput extends CommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId!: string;

  @Field()
  @IsString()
  @Length(1, 4000)
  culture!: string;
}
