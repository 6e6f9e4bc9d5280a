import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../read-side/pagination.js';
import { ProjectPhaseEnum } from './project.inputs.js';

@ObjectType({ description: "The project's current targets: what the assessment report checks against." })
export class ProjectTargets {
  @Field(() => Float, { description: 'Share of eligible carers to reach.' })
  reachShare!: number;

  @Field(() => Int)
  trainingCoursesPerMonth!: number;

  @Field(() => Int)
  peerMeetingsPerMonth!: number;

  @Field(() => Int)
  committeeEveryMonths!: number;

  @Field(() => Float)
  satisfactionThreshold!: number;

  @Field(() => Float)
  understandingThreshold!: number;
}

@ObjectType({ description: 'A co-production project in a territory, as it stands now.' })
export class Project {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  programmeId!: string | null;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => ProjectPhaseEnum)
  phase!: string;

  @Field()
  phaseStartedAt!: Date;

  @Field(() => Int, { description: 'How many carers the project could reach.' })
  eligibleCarers!: number;

  @Field(() => Int, { description: 'Length of the pilot in months, extensions included.' })
  pilotMonths!: number;

  @Field(() => Int)
  pilotExtensions!: number;

  @Field({ description: 'First day of the project, YYYY-MM-DD.' })
  startsOn!: string;

  @Field()
  launchedAt!: Date;

  @Field(() => ProjectTargets)
  targets!: ProjectTargets;

  @Field(() => Int, { description: 'How many times the targets were revised.' })
  targetsRevisions!: number;

  @Field({ description: "Whether the citizens' committee has become self-organising." })
  committeeSelfOrganising!: boolean;

  @Field(() => Date, { nullable: true })
  committeeSelfOrganisingAt!: Date | null;
}

@ObjectType()
export class ProjectConnection extends Connection(Project, 'Project') {}
