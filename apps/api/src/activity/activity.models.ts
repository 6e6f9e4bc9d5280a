import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ACTIVITY_STATUSES, RECORDED_DECISION_MAKER_ROLES } from '#domain';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import { ActivityCancellationReasonEnum, ActivityKindEnum, ActivityQuizPhaseEnum } from './activity.inputs.js';

/** Read-side states of an activity; the command-side enums are reused as they are. */
export const ActivityStatusEnum = enumFromValues('ActivityStatus', ACTIVITY_STATUSES);

export const RecordedDecisionMakerRoleEnum = enumFromValues(
  'RecordedDecisionMakerRole',
  RECORDED_DECISION_MAKER_ROLES,
  'Who took a cancellation decision; `unknown` when an early release did not record it.',
);

export const ActivityRegistrationStatusEnum = enumFromValues('ActivityRegistrationStatus', [
  'registered',
  'cancelled',
] as const);

@ObjectType({ description: 'Why an activity was cancelled, who decided, and whether the carers were consulted.' })
export class ActivityCancellation {
  @Field()
  cancelledAt!: Date;

  @Field(() => ActivityCancellationReasonEnum)
  reason!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true })
  decidedByOrganisationId!: string | null;

  @Field(() => RecordedDecisionMakerRoleEnum)
  decidedByRole!: string;

  @Field(() => Boolean, { nullable: true, description: 'Null when an early release did not record it.' })
  carersConsulted!: boolean | null;
}

@ObjectType({ description: 'An activity of a project: a course, a peer meeting, a committee meeting, a workshop...' })
export class Activity {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => ActivityKindEnum)
  kind!: string;

  @Field()
  topic!: string;

  @Field({ description: 'The current date (after any reschedule).' })
  scheduledFor!: Date;

  @Field()
  place!: string;

  @Field(() => ID, { nullable: true })
  facilitatorMemberId!: string | null;

  @Field(() => ID)
  organisingOrganisationId!: string;

  @Field(() => ActivityStatusEnum)
  status!: string;

  @Field({ description: 'When the activity was scheduled.' })
  scheduledAt!: Date;

  @Field()
  originallyScheduledFor!: Date;

  @Field(() => Int)
  rescheduleCount!: number;

  @Field(() => String, { nullable: true })
  lastRescheduleReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a held activity actually started.' })
  startedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;

  @Field(() => Boolean, { nullable: true })
  audioRecorded!: boolean | null;

  @Field(() => ActivityCancellation, { nullable: true })
  cancellation!: ActivityCancellation | null;

  @Field(() => Int, { description: 'Carers currently registered.' })
  registeredCarers!: number;

  @Field(() => Int)
  carersAttended!: number;

  @Field(() => Int)
  representativesAttended!: number;
}

@ObjectType({ description: "A carer's registration for an activity." })
export class ActivityRegistration {
  @Field(() => ID)
  carerId!: string;

  @Field(() => String, { nullable: true })
  pseudonym!: string | null;

  @Field(() => ActivityRegistrationStatusEnum)
  status!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field()
  attended!: boolean;
}

@ObjectType({ description: 'A carer who attended an activity.' })
export class CarerAttendance {
  @Field(() => ID)
  carerId!: string;

  @Field(() => String, { nullable: true, description: "The carer's pseudonym." })
  pseudonym!: string | null;

  @Field()
  attendedAt!: Date;

  @Field({ description: 'Whether the carer was registered when they came.' })
  registered!: boolean;
}

@ObjectType({ description: 'A member of a partner organisation who attended an activity.' })
export class RepresentativeAttendance {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field()
  attendedAt!: Date;
}

@ObjectType({ description: 'Who attended an activity: carers and partner representatives.' })
export class ActivityAttendance {
  activityId!: string;

  @Field(() => Int)
  carerCount!: number;

  @Field(() => Int)
  representativeCount!: number;
}

@ObjectType({ description: 'Understanding quizzes of an activity in one phase (before or after the course).' })
export class QuizSummary {
  @Field(() => ActivityQuizPhaseEnum)
  phase!: string;

  @Field(() => Int, { description: 'How many carers answered.' })
  responses!: number;

  @Field(() => Int)
  questionsAsked!: number;

  @Field(() => Int)
  correctAnswers!: number;

  @Field(() => Float, { nullable: true, description: 'correctAnswers / questionsAsked.' })
  score!: number | null;
}

@ObjectType({ description: 'Satisfaction responses to an activity on one instrument.' })
export class SurveySummary {
  @Field(() => ID)
  instrumentId!: string;

  @Field(() => Int)
  responses!: number;

  @Field(() => Int)
  anonymousResponses!: number;

  @Field(() => Int, { description: 'Item answers over every response.' })
  answers!: number;

  @Field(() => Int)
  scaleMinimum!: number;

  @Field(() => Int)
  scaleMaximum!: number;

  @Field(() => Float, { nullable: true, description: 'Mean answer on the scale.' })
  averageAnswer!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean normalised score, answer / scale maximum (4 of 4 = 1.0, 3 of 4 = 0.75).',
  })
  averageScore!: number | null;
}

@ObjectType()
export class ActivityConnection extends Connection(Activity, 'Activity') {}
