import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKindEnum } from '../../organisation/organisation.inputs.js';
import { SurveyInstrumentMeasureEnum } from '../../survey-instrument/survey-instrument.inputs.js';
import { SurveyInstrumentStatusEnum } from '../directory.enums.js';
import { Connection } from '../pagination.js';

@ObjectType({ description: 'A programme that may run in several territories at once.' })
export class Programme {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  launchedAt!: Date;
}

@ObjectType({ description: 'The version of a signal framework a territory adopted.' })
export class TerritoryFramework {
  @Field(() => ID)
  frameworkId!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  adoptedAt!: Date;
}

@ObjectType({ description: 'A territory of a programme, with its own governance and variant of the service.' })
export class Territory {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programmeId!: string;

  @Field()
  name!: string;

  @Field()
  localGovernance!: string;

  @Field()
  serviceVariant!: string;

  @Field()
  addedAt!: Date;

  @Field(() => TerritoryFramework, { nullable: true, description: 'Null until the territory adopts a framework.' })
  framework!: TerritoryFramework | null;
}

@ObjectType({ description: 'An organisation that may join partnerships (university, provider, facility...).' })
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'How the organisation works and meets.' })
  culture!: string | null;

  @Field()
  registeredAt!: Date;
}

@ObjectType()
export class SurveyScaleLabel {
  @Field(() => Int)
  value!: number;

  @Field()
  label!: string;
}

@ObjectType({ description: 'The answer range shared by every item of an instrument.' })
export class SurveyScale {
  @Field(() => Int)
  minimum!: number;

  @Field(() => Int)
  maximum!: number;

  @Field(() => [SurveyScaleLabel], { nullable: true })
  labels!: SurveyScaleLabel[] | null;
}

@ObjectType({ description: 'A survey or quiz instrument: its items, its scale and what it measures.' })
export class SurveyInstrument {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SurveyInstrumentMeasureEnum)
  measures!: string;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => SurveyScale)
  scale!: SurveyScale;

  @Field(() => SurveyInstrumentStatusEnum)
  status!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retirementReason!: string | null;
}

@ObjectType()
export class ProgrammeConnection extends Connection(Programme, 'Programme') {}

@ObjectType()
export class OrganisationConnection extends Connection(Organisation, 'Organisation') {}

@ObjectType()
export class SurveyInstrumentConnection extends Connection(SurveyInstrument, 'SurveyInstrument') {}
