import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN, idMessage } from '#domain';
import { CommandInput } from '../command-side/command-input.js';

/** Caller-chosen ids (programme, territory, framework): letters, digits and `_ - . :` only. */

@InputType()
export class LaunchProgrammeInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('programmeId') })
  programmeId?: string | null;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;
}

@InputType({ description: 'A territory governs itself and runs its own co-designed variant of the service.' })
export class AddTerritoryInput extends CommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('programmeId') })
  programmeId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('territoryId') })
  territoryId!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field({ description: 'How the territory governs the programme locally.' })
  @IsString()
  @Length(1, 4000)
  localGovernance!: string;

  @Field({ description: "The territory's own co-designed variant of the service." })
  @IsString()
  @Length(1, 4000)
  serviceVariant!: string;
}

@InputType()
export class AdoptTerritorySignalFrameworkInput extends CommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('programmeId') })
  programmeId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('territoryId') })
  territoryId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('frameworkId') })
  frameworkId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}
