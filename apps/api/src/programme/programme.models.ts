import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../read-side/pagination.js';

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

@ObjectType()
export class ProgrammeConnection extends Connection(Programme, 'Programme') {}
