import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ActivityKind, ChannelReadingKind, CommitteeGoalOutcome, InformationChannelKind } from '#domain';
import { TARGET_OUTCOMES, type TargetOutcome } from '#read-models/report';
import { ActivityKindEnum } from '../activity/activity.inputs.js';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { CommitteeGoalOutcomeEnum } from '../committee/committee.inputs.js';
import {
  ChannelReadingKindEnum,
  InformationChannelKindEnum,
} from '../information-channel/information-channel.inputs.js';
import { SignalWindow } from '../signals/signals.models.js';

export const AssessmentReportTargetOutcomeEnum = enumFromValues(
  'AssessmentReportTargetOutcome',
  TARGET_OUTCOMES,
  'How a line stands against its target. met / missed: judged on what was recorded (a recorded 0 is judged). not_measured: nothing was recorded to judge by (nobody answered, no reading), which is not a 0 and neither met nor missed. not_due: the target asks nothing of the window. withheld: the figure was withheld over a small group of carers.',
);

@ObjectType('AssessmentReportTarget', { description: 'A line’s target and whether the line meets it.' })
export class AssessmentReportTarget {
  @Field()
  description!: string;

  @Field(() => Float, {
    description: 'The target: expected held activities, a score threshold, or 1 for a yes/no target.',
  })
  value!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Null when there is nothing to judge (no answers, nothing expected); outcome says which.',
  })
  met!: boolean | null;

  @Field(() => AssessmentReportTargetOutcomeEnum, {
    description: 'met, missed, or why neither: not_measured (nothing recorded), not_due, withheld.',
  })
  outcome!: TargetOutcome;
}

const CARER_COUNT = (what: string) =>
  `Distinct carers ${what} (an anonymous survey response counts as one); null when withheld.`;
const SUPPRESSED = (what: string) =>
  `True when ${what} were withheld (set to null) because they were computed over fewer carers than the small-group threshold; only for roles that may not identify carers.`;
const SUPPRESSION_REASON = 'Why the figures were withheld; null when shown.';

@ObjectType('AssessmentReportScore', {
  description: 'A mean score in [0, 1] and how many answered; withheld over a small group of carers.',
})
export class AssessmentReportScore {
  @Field(() => Float, { nullable: true, description: 'Null when nobody answered, or when withheld.' })
  average!: number | null;

  @Field(() => Int, { nullable: true, description: 'Null only when withheld.' })
  answered!: number | null;

  @Field(() => Int, { nullable: true, description: CARER_COUNT('who answered') })
  carerCount!: number | null;

  @Field({ description: SUPPRESSED('average, answered, carerCount and target.met') })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: SUPPRESSION_REASON })
  suppressionReason!: string | null;

  @Field(() => AssessmentReportTarget, {
    nullable: true,
    description: 'Null when the project’s launch is not visible.',
  })
  target!: AssessmentReportTarget | null;
}

@ObjectType('AssessmentReportActivityFigures', { description: 'Activities held and cancelled in the window.' })
export class AssessmentReportActivityFigures {
  @Field(() => Int, { description: 'Activities whose holding occurred in the window.' })
  held!: number;

  @Field(() => Int, { description: 'Activities whose cancellation occurred in the window.' })
  cancelled!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Carer attendances at the held activities (one per carer and activity); null only when withheld.',
  })
  attendances!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'attendances / held; null when none was held, or when withheld.',
  })
  averageAttendees!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct carers who attended at least one of the held activities; null only when withheld.',
  })
  distinctAttendees!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: CARER_COUNT('behind the attendance figures (attendances, averageAttendees, distinctAttendees)'),
  })
  carerCount!: number | null;

  @Field({
    description:
      'True when the attendance figures (attendances, averageAttendees, distinctAttendees, carerCount) were withheld (set to null): computed over fewer carers than the small-group threshold, or withheld so that another withheld line cannot be worked out from the overall figures. Only for roles that may not identify carers; understanding and satisfaction say so themselves.',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: SUPPRESSION_REASON })
  suppressionReason!: string | null;

  @Field(() => AssessmentReportScore, { description: 'After-course quiz scores (correct / asked).' })
  understanding!: AssessmentReportScore;

  @Field(() => AssessmentReportScore, { description: 'Normalised satisfaction survey scores.' })
  satisfaction!: AssessmentReportScore;
}

@ObjectType('AssessmentReportActivityLine', { description: 'One activity kind.' })
export class AssessmentReportActivityLine extends AssessmentReportActivityFigures {
  @Field(() => ActivityKindEnum)
  kind!: ActivityKind;

  @Field(() => AssessmentReportTarget, {
    nullable: true,
    description: 'The cadence target: training courses, peer meetings, committee meetings; null for other kinds.',
  })
  target!: AssessmentReportTarget | null;
}

@ObjectType('AssessmentReportGoal')
export class AssessmentReportGoal {
  @Field(() => ID)
  goalId!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => CommitteeGoalOutcomeEnum, { nullable: true, description: 'The latest judgement; null: not assessed.' })
  outcome!: CommitteeGoalOutcome | null;

  @Field(() => Date, { nullable: true })
  assessedAt!: Date | null;

  @Field({ description: 'True when the first judgement was revised.' })
  reassessed!: boolean;
}

@ObjectType('AssessmentReportGoals', { description: 'The citizens’ committee goals at the window’s end, by outcome.' })
export class AssessmentReportGoals {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  reached!: number;

  @Field(() => Int)
  partiallyReached!: number;

  @Field(() => Int)
  unfulfilled!: number;

  @Field(() => Int)
  notAssessed!: number;

  @Field(() => [AssessmentReportGoal])
  goals!: AssessmentReportGoal[];

  @Field(() => AssessmentReportTarget, { description: 'The target "the committee becomes self-organising".' })
  selfOrganising!: AssessmentReportTarget;

  @Field(() => Date, { nullable: true })
  selfOrganisingSince!: Date | null;
}

@ObjectType('AssessmentReportCountersMeasured', {
  description:
    'Per counter: true when a reading counted in the window gave it (a recorded 0 is measured); false: not measured, the counter is null and must not be read as 0.',
})
export class AssessmentReportCountersMeasured {
  @Field()
  likes!: boolean;

  @Field()
  visits!: boolean;

  @Field()
  downloads!: boolean;

  @Field()
  shares!: boolean;
}

@ObjectType('AssessmentReportChannelCounters', {
  description:
    'What the counters gained in the window: increments summed, running totals as the difference between totals; a reading counts in the window holding its end. Null when not measured (see measured).',
})
export class AssessmentReportChannelCounters {
  @Field(() => Int, { description: 'Readings counted in the window.' })
  readings!: number;

  @Field(() => AssessmentReportCountersMeasured, { description: 'Which counters were measured in the window.' })
  measured!: AssessmentReportCountersMeasured;

  @Field(() => Float, { nullable: true })
  likes!: number | null;

  @Field(() => Float, { nullable: true })
  visits!: number | null;

  @Field(() => Float, { nullable: true })
  downloads!: number | null;

  @Field(() => Float, { nullable: true })
  shares!: number | null;
}

@ObjectType('AssessmentReportChannel', { description: 'One information channel.' })
export class AssessmentReportChannel extends AssessmentReportChannelCounters {
  @Field(() => ID)
  channelId!: string;

  @Field(() => InformationChannelKindEnum, { nullable: true })
  kind!: InformationChannelKind | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field({ description: 'Retired before the window’s end.' })
  retired!: boolean;

  @Field(() => ChannelReadingKindEnum, {
    nullable: true,
    description: 'Whether the readings counted are increments or running totals; null when none is.',
  })
  readingKind!: ChannelReadingKind | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Start of the span the counted readings measured (a running total: since the previous total). Before the window’s from: the figures cover more than the window. Null when not measured.',
  })
  measuredFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the span the counted readings measured.' })
  measuredTo!: Date | null;

  @Field(() => Int, {
    description:
      'Patients recorded as informed through this channel in the window; 0 as well when not measured (see newPatientsInformedMeasured).',
  })
  newPatientsInformed!: number;

  @Field({
    description:
      'True when a patient was recorded in the window or a check of the channel’s new patients (recordNewPatientsChecked) overlaps it; false: not measured, newPatientsInformed is not a zero.',
  })
  newPatientsInformedMeasured!: boolean;
}

@ObjectType('AssessmentReportReach', { description: 'Distinct carers reached against eligible × the reach share.' })
export class AssessmentReportReach {
  @Field(() => Int, {
    nullable: true,
    description: 'Distinct carers who attended an activity held before the window’s end; null only when withheld.',
  })
  distinctCarers!: number | null;

  @Field(() => Int, { nullable: true, description: CARER_COUNT('reached (distinctCarers)') })
  carerCount!: number | null;

  @Field({ description: SUPPRESSED('distinctCarers, share, met and carerCount') })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: SUPPRESSION_REASON })
  suppressionReason!: string | null;

  @Field(() => Int, { nullable: true })
  eligible!: number | null;

  @Field(() => Float, { nullable: true, description: 'distinctCarers / eligible.' })
  share!: number | null;

  @Field(() => Float, { nullable: true, description: 'The reach share target in force at the window’s end.' })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'eligible × target.' })
  targetCarers!: number | null;

  @Field(() => Boolean, { nullable: true })
  met!: boolean | null;

  @Field(() => AssessmentReportTargetOutcomeEnum, {
    nullable: true,
    description: 'met, missed or withheld; null without a target (the launch is not visible).',
  })
  outcome!: TargetOutcome | null;
}

@ObjectType('AssessmentReportTargets')
export class AssessmentReportTargets {
  @Field(() => Float)
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

@ObjectType('AssessmentReportSettings', { description: 'The project’s settings in force at the window’s end.' })
export class AssessmentReportSettings {
  @Field(() => Date)
  startsOn!: Date;

  @Field(() => Int)
  pilotMonths!: number;

  @Field(() => Date)
  pilotEnd!: Date;

  @Field(() => Int)
  eligibleCarers!: number;

  @Field(() => AssessmentReportTargets)
  targets!: AssessmentReportTargets;
}

@ObjectType('AssessmentReport', { description: 'A pilot summarised per activity kind, each line beside its target.' })
export class AssessmentReport {
  @Field(() => ID)
  projectId!: string;

  @Field(() => SignalWindow, {
    nullable: true,
    description: 'Null only when no window was asked for and nothing of the project is visible.',
  })
  window!: SignalWindow | null;

  @Field({ description: 'True when no window was asked for: the whole project.' })
  defaultWindow!: boolean;

  @Field(() => Date, { nullable: true })
  asOf!: Date | null;

  @Field(() => Date, { nullable: true })
  knownAt!: Date | null;

  @Field(() => AssessmentReportSettings, { nullable: true, description: 'Null when the launch is not visible.' })
  settings!: AssessmentReportSettings | null;

  @Field(() => Float, { description: 'Months of the pilot inside the window (the cadence targets’ base).' })
  pilotMonthsInWindow!: number;

  @Field(() => [AssessmentReportActivityLine], { description: 'One line per activity kind.' })
  activities!: AssessmentReportActivityLine[];

  @Field(() => AssessmentReportActivityFigures, { description: 'Every activity, whatever its kind.' })
  overall!: AssessmentReportActivityFigures;

  @Field(() => AssessmentReportGoals)
  goals!: AssessmentReportGoals;

  @Field(() => [AssessmentReportChannel])
  channels!: AssessmentReportChannel[];

  @Field(() => AssessmentReportChannelCounters)
  channelTotals!: AssessmentReportChannelCounters;

  @Field(() => Int, {
    description:
      'Distinct patients first informed, through any channel of the project, in the window; 0 as well when not measured (see newPatientsInformedMeasured).',
  })
  newPatientsInformed!: number;

  @Field({
    description:
      'True when some channel’s new patients were measured in the window (a patient recorded, or a check overlapping it); false: not measured, newPatientsInformed is not a zero.',
  })
  newPatientsInformedMeasured!: boolean;

  @Field(() => AssessmentReportReach)
  reach!: AssessmentReportReach;

  @Field(() => Int, {
    nullable: true,
    description: CARER_COUNT(
      "behind the report's carer-derived figures (attendance, quizzes, survey responses, reach)",
    ),
  })
  carerCount!: number | null;

  @Field({
    description:
      'True when some figure of the report was withheld because it was computed over fewer carers than the small-group threshold (only for roles that may not identify carers).',
  })
  suppressed!: boolean;
}
