import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN, idMessage } from '#domain';
import { SignalFrameworkDefinitionScalar } from './signal-framework-definition.scalar.js';

@InputType({ description: 'Exactly one of projectId or territoryId.' })
export class SignalScopeInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('projectId') })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'All the projects launched in this territory, pooled.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('territoryId') })
  territoryId?: string | null;
}

@InputType({ description: 'A half-open window [from, to) on the date each fact occurred.' })
export class SignalWindowInput {
  @Field(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date)
  @IsDate()
  to!: Date;
}

@InputType({ description: 'A registered signal framework version.' })
export class SignalFrameworkRefInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('id') })
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

@InputType()
export class RegisterSignalFrameworkInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('frameworkId') })
  frameworkId!: string;

  @Field(() => Int, { description: 'A new version number; registered versions never change.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  @Field(() => SignalFrameworkDefinitionScalar)
  @IsObject()
  definition!: Record<string, unknown>;
}
