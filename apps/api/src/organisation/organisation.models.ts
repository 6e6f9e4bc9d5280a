import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../read-side/pagination.js';
import { OrganisationKindEnum } from './organisation.inputs.js';

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
export class OrganisationConnection extends Connection(Organisation, 'Organisation') {}
