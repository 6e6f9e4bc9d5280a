import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  ACTIVITY_KINDS,
  CANCELLATION_REASONS,
  DECISION_MAKER_ROLES,
  QUIZ_PHASES,
  type ActivityKind,
  type CancellationReason,
  type DecisionMakerRole,
  type QuizPhase,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { ContestInput } from '../decision/decision.inputs.js';

export const ActivityKindEnum = enumFromValues(
  'ActivityKind',
  ACTIVITY_KINDS,
  'Training course, peer meeting, committee meeting, co-design or co-assessment workshop, information event.',
);

export const ActivityCancellationReasonEnum = enumFromValues(
  'ActivityCancellationReason',
  CANCELLATION_REASONS,
  'Why an activity was cancelled; "other" needs a note.',
);

export const ActivityDecisionMakerRoleEnum = enumFromValues(
  'ActivityDecisionMakerRole',
  DECISION_MAKER_ROLES,
  'Who decided a cancellation; provider and researcher decisions name their organisation.',
);

export const ActivityQuizPhaseEnum = enumFromValues(
  'ActivityQuizPhase',
  QUIZ_PHASES,
  'Whether an understanding quiz was answered before or after the course.',
);

/** Instrument ids are readable slugs (e.g. `peer-satisfaction-v1`) or UUIDs. */
const INSTRUMENT_ID = /^[A-Za-z0-9_.:-]+$/;

@InputType()
export class ScheduleActivityInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  activityId?: string | null;

  @Field(() => ID)
  @IsUUID()
  projectId!: string;

  @Field(() => ActivityKindEnum)
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @Field()
  @IsString()
  @Length(1, 200)
  topic!: string;

  @Field(() => Date, { description: 'When the activity is planned to start.' })
  @IsDate()
  scheduledFor!: Date;

  @Field()
  @IsString()
  @Length(1, 200)
  place!: string;

  @Field(() => ID, { nullable: true, description: 'The member leading it (e.g. the psychologist), if known yet.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  facilitatorMemberId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  organisingOrganisationId!: string;
}

@InputType({ description: 'Null keeps the current value; at least one of date and place must change.' })
export class RescheduleActivityInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  scheduledFor?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  place?: string | null;

  @Field()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType()
export class CancelActivityInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ActivityCancellationReasonEnum)
  @IsIn(CANCELLATION_REASONS)
  reason!: CancellationReason;

  @Field(() => String, { nullable: true, description: 'Required when the reason is "other".' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required when a provider or researcher decided.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  decidedByOrganisationId?: string | null;

  @Field(() => ActivityDecisionMakerRoleEnum)
  @IsIn(DECISION_MAKER_ROLES)
  decidedByRole!: DecisionMakerRole;

  @Field({ description: 'Whether the carers were asked before the decision.' })
  @IsBoolean()
  carersConsulted!: boolean;
}

@InputType()
export class ContestActivityCancellationInput extends ContestInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;
}

@InputType()
export class HoldActivityInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => Date, { description: 'When it actually started; not in the future.' })
  @IsDate()
  startedAt!: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number | null;

  @Field({ description: 'Only workshops are audio-recorded (with consent).' })
  @IsBoolean()
  audioRecorded!: boolean;
}

@InputType()
export class RegisterCarerForActivityInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  carerId!: string;
}

@InputType()
export class CancelActivityRegistrationInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  carerId!: string;
}

@InputType()
export class RecordCarerAttendanceInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  carerId!: string;
}

@InputType()
export class RecordPartnerAttendanceInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  organisationId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  memberId!: string;
}

@InputType()
export class RecordUnderstandingQuizInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  carerId!: string;

  @Field(() => ActivityQuizPhaseEnum)
  @IsIn(QUIZ_PHASES)
  phase!: QuizPhase;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100)
  questionsAsked!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  correctAnswers!: number;
}

@InputType()
export class RecordSatisfactionResponseInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  activityId!: string;

  @Field(() => ID, { nullable: true, description: 'Null or omitted for an anonymous response.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  carerId?: string | null;

  @Field(() => ID, { description: 'A registered, not retired, survey instrument.' })
  @IsString()
  @Length(1, 100)
  @Matches(INSTRUMENT_ID, { message: 'instrumentId may only contain letters, digits and _ . : -' })
  instrumentId!: string;

  @Field(() => [Int], { description: "One answer per item of the instrument, on the instrument's scale." })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  answers!: number[];
}
