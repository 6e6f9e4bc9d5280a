import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SignalFrameworkDefinitionScalar } from './signal-framework-definition.scalar.js';

export enum SignalGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(SignalGranularity, { name: 'SignalGranularity', description: 'Calendar months or quarters, in UTC.' });

export enum SignalFrameworkSource {
  REQUESTED = 'REQUESTED',
  TERRITORY_ADOPTED = 'TERRITORY_ADOPTED',
  DEFAULT = 'DEFAULT',
}
registerEnumType(SignalFrameworkSource, {
  name: 'SignalFrameworkSource',
  description: "Why this framework was used: asked for, adopted by the scope's territory, or the platform default.",
});

export enum SignalWarningKind {
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  DROPPED = 'DROPPED',
  BARRIER_REPEATED = 'BARRIER_REPEATED',
  FRAMEWORK_NOT_REGISTERED = 'FRAMEWORK_NOT_REGISTERED',
}
registerEnumType(SignalWarningKind, { name: 'SignalWarningKind' });

@ObjectType({ description: 'One named indicator of a signal: its formula, numbers and weight.' })
export class SignalIndicator {
  @Field()
  key!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The survey instrument an instrumentScore indicator reads; null for every other indicator.',
  })
  instrumentId!: string | null;

  @Field()
  label!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'In [0, 1]; null when the denominator is 0 (no data) or when withheld (`suppressed`).',
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Null only when withheld (`suppressed`).' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Null only when withheld (`suppressed`).' })
  denominator!: number | null;

  @Field(() => Float, { description: "The framework's weight." })
  weight!: number;

  @Field(() => Float, {
    description: 'The weight after renormalising over the indicators with data (0 when left out).',
  })
  effectiveWeight!: number;

  @Field({ description: 'False when left out: no data (denominator 0) or weight 0.' })
  included!: boolean;

  @Field()
  formula!: string;

  @Field()
  numeratorLabel!: string;

  @Field()
  denominatorLabel!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct carers whose own facts the figures were computed from (attendances, answers to invitations, quizzes, survey responses; an anonymous response counts as one), over the window's visible facts. Null for an indicator not derived from carers' facts, or when withheld.",
  })
  carerCount!: number | null;

  @Field({
    description:
      'True when the figures were withheld because they were computed over fewer carers than the small-group threshold (roles that may not identify carers): value, numerator, denominator and carerCount are null.',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the figures were withheld; null when shown.' })
  suppressionReason!: string | null;
}

@ObjectType({ description: 'A signal in [0, 1]: the weighted mean of its indicators that have data.' })
export class Signal {
  @Field({ description: 'trust, engagement, partnershipCohesion or coCreationBalance.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Null when no indicator has data, or when withheld (`suppressed`).',
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The value over the previous window of the same length; null without data or when withheld (`previousValueSuppressed`).',
  })
  previousValue!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct carers behind its carer-derived indicators (the union, not a sum); null when none of its indicators is derived from carers' facts, or when withheld.",
  })
  carerCount!: number | null;

  @Field({
    description:
      'True when the value was withheld: it counts an indicator computed over fewer carers than the small-group threshold, which the value and the other indicators would give away.',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the value was withheld; null when shown.' })
  suppressionReason!: string | null;

  @Field({ description: 'True when previousValue was withheld by the same rule over the previous window.' })
  previousValueSuppressed!: boolean;

  @Field(() => [SignalIndicator])
  breakdown!: SignalIndicator[];

  @Field(() => Float)
  includedWeight!: number;

  @Field(() => Float)
  totalWeight!: number;

  @Field({ description: 'Which indicators were left out and how the weights were renormalised.' })
  note!: string;

  @Field(() => Float, { nullable: true })
  warnBelow!: number | null;

  @Field(() => Float, { nullable: true })
  warnDropBy!: number | null;
}

@ObjectType()
export class SignalWarning {
  @Field(() => SignalWarningKind)
  kind!: SignalWarningKind;

  @Field(() => String, { nullable: true })
  signal!: string | null;

  @Field()
  message!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  threshold!: number | null;

  @Field(() => String, { nullable: true, description: 'The barrier code, or the unregistered framework.' })
  code!: string | null;
}

@ObjectType({ description: 'The framework the signals were computed with.' })
export class UsedSignalFramework {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  name!: string;

  @Field(() => SignalFrameworkSource)
  source!: SignalFrameworkSource;
}

@ObjectType()
export class SignalWindow {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}

@ObjectType()
export class SignalScope {
  @Field(() => ID, { nullable: true })
  projectId!: string | null;

  @Field(() => ID, { nullable: true })
  territoryId!: string | null;
}

@ObjectType({ description: 'The four signals of a scope over one window, with their breakdowns.' })
export class SignalReport {
  @Field(() => SignalScope)
  scope!: SignalScope;

  @Field(() => SignalWindow)
  window!: SignalWindow;

  @Field(() => Date, { nullable: true })
  asOf!: Date | null;

  @Field(() => Date, { nullable: true })
  knownAt!: Date | null;

  @Field(() => UsedSignalFramework)
  framework!: UsedSignalFramework;

  @Field(() => Signal)
  trust!: Signal;

  @Field(() => Signal)
  engagement!: Signal;

  @Field(() => Signal)
  partnershipCohesion!: Signal;

  @Field(() => Signal)
  coCreationBalance!: Signal;

  @Field(() => [Signal], { description: 'The four signals as a list.' })
  signals!: Signal[];

  @Field(() => [SignalWarning], {
    description: 'Warnings that would state or bound a withheld value (below threshold, dropped) are left out.',
  })
  warnings!: SignalWarning[];

  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct carers behind the report's carer-derived indicators (the union); null when the framework has none, or when withheld.",
  })
  carerCount!: number | null;

  @Field({
    description:
      'True when some figure of the report was withheld because it was computed over fewer carers than the small-group threshold (only for roles that may not identify carers).',
  })
  suppressed!: boolean;
}

@ObjectType()
export class SignalSeries {
  @Field(() => SignalScope)
  scope!: SignalScope;

  @Field(() => SignalGranularity)
  granularity!: SignalGranularity;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Date, { nullable: true })
  asOf!: Date | null;

  @Field(() => Date, { nullable: true })
  knownAt!: Date | null;

  @Field(() => UsedSignalFramework)
  framework!: UsedSignalFramework;

  @Field(() => [SignalReport], { description: 'One report per calendar period, clipped to [from, to).' })
  periods!: SignalReport[];
}

@ObjectType()
export class SignalDifference {
  @Field()
  signal!: string;

  @Field(() => Float, { nullable: true })
  left!: number | null;

  @Field(() => Float, { nullable: true })
  right!: number | null;

  @Field(() => Float, { nullable: true, description: 'right − left; null when either is undefined or withheld.' })
  delta!: number | null;

  @Field({ description: 'True when either side was withheld (small-group suppression).' })
  suppressed!: boolean;
}

@ObjectType({ description: 'Two framework versions computed side by side on the same facts and window.' })
export class SignalComparison {
  @Field(() => SignalReport)
  left!: SignalReport;

  @Field(() => SignalReport)
  right!: SignalReport;

  @Field(() => [SignalDifference])
  differences!: SignalDifference[];
}

@ObjectType({ description: 'A registered, immutable signal framework version.' })
export class SignalFramework {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  name!: string;

  @Field(() => SignalFrameworkDefinitionScalar)
  definition!: object;

  @Field(() => Date)
  registeredAt!: Date;

  @Field()
  registeredBy!: string;
}

@ObjectType()
export class SignalFrameworkRegistration {
  @Field(() => SignalFramework)
  framework!: SignalFramework;

  @Field({ description: 'False when this exact version was already registered with the same definition.' })
  created!: boolean;
}

@ObjectType({ description: "A parameter of an indicator, given in the framework's indicator entry." })
export class SignalIndicatorParameter {
  @Field({ description: 'Its field in the indicator entry, e.g. instrumentId.' })
  name!: string;

  @Field()
  description!: string;
}

@ObjectType({ description: 'An indicator the platform can compute, with its documented formula.' })
export class SignalIndicatorDefinition {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field({ description: 'The signal it belongs to in the default framework.' })
  signal!: string;

  @Field()
  formula!: string;

  @Field()
  numeratorLabel!: string;

  @Field()
  denominatorLabel!: string;

  @Field({ description: 'ratio, capped (min(1, n/d)) or clamped (to [0, 1]).' })
  rule!: string;

  @Field(() => [String], { description: 'Framework parameters it reads.' })
  parameters!: string[];

  @Field(() => SignalIndicatorParameter, {
    nullable: true,
    description:
      'A parameter the framework gives this indicator itself, beside key and weight (instrumentScore: instrumentId); null for the others.',
  })
  indicatorParameter!: SignalIndicatorParameter | null;
}
