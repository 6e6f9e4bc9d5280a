import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceKindEnum } from '../evidence/evidence.models.js';
import { IntervieweeRoleEnum, InterviewModeEnum, PilotMomentEnum } from '../evidence/evidence.inputs.js';

const GENDER = (who: string) =>
  `Of those who took part, how many ${who}; null only when withheld (carers, a group smaller than the small-group threshold, for roles that may not identify carers).`;

@ObjectType('DataInventoryRole', {
  description:
    'One role in one line of the inventory: "took part of invited", with the genders of those who took part. Counts, never identities.',
})
export class DataInventoryRole {
  @Field(() => IntervieweeRoleEnum)
  role!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many were invited: the sum of what the rounds (interviews, notes) or workshops of the line recorded; null when any of them did not record it.',
  })
  invited!: number | null;

  @Field(() => Int, {
    description:
      'Who took part: distinct people for interviews and reflexive notes, attendances for workshops (someone at two workshops counts twice).',
  })
  tookPart!: number;

  @Field(() => Int, { nullable: true, description: GENDER('are women') })
  female!: number | null;

  @Field(() => Int, { nullable: true, description: GENDER('are men') })
  male!: number | null;

  @Field(() => Int, { nullable: true, description: GENDER('gave another gender') })
  other!: number | null;

  @Field(() => Int, { nullable: true, description: GENDER('did not disclose their gender (or it was not recorded)') })
  undisclosed!: number | null;

  @Field({ description: 'True when the gender counts were withheld.' })
  withheld!: boolean;
}

@ObjectType('DataInventoryMode', { description: 'How many interviews of a line were held in one mode.' })
export class DataInventoryMode {
  @Field(() => InterviewModeEnum)
  mode!: string;

  @Field(() => Int)
  interviews!: number;
}

@ObjectType('DataInventoryLine', {
  description: 'One line of the inventory: a method at a moment of the pilot, a method overall, or the total.',
})
export class DataInventoryLine {
  @Field(() => EvidenceKindEnum, { nullable: true, description: 'Null on the total line.' })
  method!: string | null;

  @Field(() => PilotMomentEnum, {
    nullable: true,
    description: 'On a row, null when the evidence did not record it; always null on method lines and the total.',
  })
  pilotMoment!: string | null;

  @Field(() => Int, { description: 'Interviews, workshops (sessions) or reflexive notes.' })
  count!: number;

  @Field(() => Date, { nullable: true, description: 'When the first of them took place.' })
  firstOn!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last of them took place.' })
  lastOn!: Date | null;

  @Field(() => Int, { description: 'How many of them recorded a duration (notes never do).' })
  durationsRecorded!: number;

  @Field(() => Int, { nullable: true, description: 'Their recorded durations added up, in minutes; null when none.' })
  totalMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'totalMinutes / durationsRecorded, to one decimal; null when no duration is recorded.',
  })
  averageMinutes!: number | null;

  @Field(() => [DataInventoryMode], { description: 'Interviews per mode, every mode listed.' })
  modes!: DataInventoryMode[];

  @Field(() => [DataInventoryRole], { description: 'The roles invited or taking part, in the order of the roles.' })
  roles!: DataInventoryRole[];

  @Field(() => Int, { description: 'Who took part, every role (counted as the roles count).' })
  tookPart!: number;

  @Field(() => Int, { nullable: true, description: "Invited, every role; null when any role's is not recorded." })
  invited!: number | null;
}

@ObjectType('DataInventory', {
  description:
    "A study's data inventory (docs/inventory.md): per method and moment of the pilot who took part of how many invited, their genders, when and how long; per method; in total.",
})
export class DataInventory {
  @Field(() => ID)
  projectId!: string;

  @Field(() => Date, { nullable: true })
  asOf!: Date | null;

  @Field(() => Date, { nullable: true })
  knownAt!: Date | null;

  @Field(() => [DataInventoryLine], {
    description:
      'One row per method and moment of the pilot: interviews, co-design workshops, co-assessment workshops, reflexive notes; moments in pilot order, not recorded last.',
  })
  rows!: DataInventoryLine[];

  @Field(() => [DataInventoryLine], { description: 'One line per method over every moment.' })
  methods!: DataInventoryLine[];

  @Field(() => DataInventoryLine)
  total!: DataInventoryLine;
}
