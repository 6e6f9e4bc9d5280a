import { z } from 'zod';
import { ACTIVITY_KINDS, DECISION_CONTESTER_ROLES, ID_PATTERN, SUGGESTER_ROLES, TAXONOMY_CODES } from '#domain';
import { signalsError } from './signals.reasons.js';

export const SIGNAL_KEYS = ['trust', 'engagement', 'partnershipCohesion', 'coCreationBalance'] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

export const SIGNAL_LABELS: Record<SignalKey, string> = {
  trust: 'Trust',
  engagement: 'Engagement',
  partnershipCohesion: 'Partnership cohesion',
  coCreationBalance: 'Co-creation vs co-destruction',
};

/** Every indicator the platform can compute (formulas in indicators/ and docs/signals.md). */
export const INDICATOR_KEYS = [
  'invitationAcceptance',
  'declinesNotMistrust',
  'retention',
  'wordOfMouth',
  'trustBarriersResolved',
  'reach',
  'attendancePerActivity',
  'delivery',
  'cadence',
  'decisionsConsulted',
  'decisionsUncontested',
  'cancellationsUncontested',
  'decisionsCoDecided',
  'suggestionUptake',
  'feedbackResponse',
  'satisfaction',
  'understanding',
  'understandingGain',
  'coordinationMeetingsHeld',
  'rolesClarified',
  'concernsResolved',
  'interactionDensity',
  'partnerAttendance',
  'barriersResolved',
  'outcomeBalance',
  'adjustmentTimeliness',
  'instrumentScore',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The knobs indicators read; part of the framework so that a territory can adapt them. */
export interface FrameworkParameters {
  /** Carers per held activity that count as full attendance. */
  readonly attendanceNorm: number;
  /** Days within which an observed barrier should see an adjustment action (or be resolved). */
  readonly adjustmentDays: number;
  /** Barrier codes that count as trust barriers. */
  readonly trustBarrierCodes: readonly string[];
  /** Suggester roles whose suggestions count as the carers' own. */
  readonly carerSuggesterRoles: readonly string[];
  /** Contester roles whose contestation counts as the carers contesting. */
  readonly carerContesterRoles: readonly string[];
  /** Activity kinds where partner attendance is expected (committee, co-assessment). */
  readonly partnerMeetingKinds: readonly string[];
  /** A barrier code observed this many times in one window raises a warning. */
  readonly barrierRepeatCount: number;
}

export interface WeightedIndicator {
  readonly key: IndicatorKey;
  readonly weight: number;
  /**
   * The registered survey instrument an `instrumentScore` indicator reads (required for it, refused
   * for every other indicator): a territory follows the instrument it already uses.
   */
  readonly instrumentId?: string;
}

/** Indicators that read a registered instrument, named by the weighted indicator's `instrumentId`. */
export const INSTRUMENT_INDICATOR_KEYS: readonly IndicatorKey[] = ['instrumentScore'];

/**
 * What identifies a weighted indicator within a framework and its results: its key, and for an
 * instrument indicator its instrument (`instrumentScore:partnership-synergy`), so that a signal may
 * weigh several instruments.
 */
export type IndicatorRef = string;

export const indicatorRef = (indicator: Pick<WeightedIndicator, 'key' | 'instrumentId'>): IndicatorRef =>
  indicator.instrumentId === undefined ? indicator.key : `${indicator.key}:${indicator.instrumentId}`;

/** Every instrument a framework names, with where (the path a framework error reports). */
export function frameworkInstruments(
  definition: SignalFrameworkDefinition,
): { readonly instrumentId: string; readonly path: string }[] {
  return SIGNAL_KEYS.flatMap((signal) =>
    definition.signals[signal].indicators.flatMap((indicator, index) =>
      indicator.instrumentId === undefined
        ? []
        : [{ instrumentId: indicator.instrumentId, path: `signals.${signal}.indicators.${index}.instrumentId` }],
    ),
  );
}

export interface SignalDefinition {
  readonly indicators: readonly WeightedIndicator[];
  /** Warn when the signal is below this value; null: never. */
  readonly warnBelow: number | null;
  /** Warn when the signal fell by at least this much since the previous window; null: never. */
  readonly warnDropBy: number | null;
}

export interface SignalFrameworkDefinition {
  readonly name: string;
  readonly description: string | null;
  /** Calendar months a query covers when it names no window (ending with the month of asOf / now). */
  readonly defaultWindowMonths: number;
  readonly parameters: FrameworkParameters;
  readonly signals: { readonly [S in SignalKey]: SignalDefinition };
}

export interface SignalFramework {
  readonly id: string;
  readonly version: number;
  readonly definition: SignalFrameworkDefinition;
}

const ALL_CODES = [...new Set(Object.values(TAXONOMY_CODES).flat())] as [string, ...string[]];

const share = z.number().min(0).max(1);
/** An enum whose error names the bad value briefly instead of listing every allowed one. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) =>
      `unknown ${what} ${JSON.stringify(issue.input)}${values.length <= 12 ? ` (expected one of ${values.join(', ')})` : ''}`,
  });
const signalSchema = z.strictObject({
  indicators: z
    .array(
      z.strictObject({
        key: oneOf(INDICATOR_KEYS, 'indicator'),
        weight: z.number().min(0).max(1000),
        instrumentId: z
          .string()
          .regex(ID_PATTERN, 'must be an instrument id of 1 to 100 letters, digits, _ - . :')
          .optional(),
      }),
    )
    .min(1, 'a signal needs at least one indicator')
    .superRefine((indicators, context) => {
      const seen = new Set<string>();
      for (const [index, indicator] of indicators.entries()) {
        const readsInstrument = INSTRUMENT_INDICATOR_KEYS.includes(indicator.key);
        if (readsInstrument && indicator.instrumentId === undefined) {
          context.addIssue({
            code: 'custom',
            path: [index, 'instrumentId'],
            message: `indicator ${indicator.key} needs an instrumentId naming a registered survey instrument`,
          });
        }
        if (!readsInstrument && indicator.instrumentId !== undefined) {
          context.addIssue({
            code: 'custom',
            path: [index, 'instrumentId'],
            message: `indicator ${indicator.key} reads no instrument: remove instrumentId`,
          });
        }
        const ref = indicatorRef(indicator);
        if (seen.has(ref)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'key'],
            message: `indicator ${ref} is listed twice`,
          });
        }
        seen.add(ref);
      }
      if (!indicators.some((indicator) => indicator.weight > 0)) {
        context.addIssue({ code: 'custom', message: 'at least one indicator needs a weight above 0' });
      }
    }),
  warnBelow: share.nullable(),
  warnDropBy: z.number().gt(0).max(1).nullable(),
});

const nonEmptyUnique = <T extends string>(values: z.ZodType<T>) =>
  z.array(values).refine((list) => new Set(list).size === list.length, 'values must not repeat');

export const frameworkDefinitionSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).nullable(),
  defaultWindowMonths: z.number().int().min(1).max(120),
  parameters: z.strictObject({
    attendanceNorm: z.number().gt(0).max(10_000),
    adjustmentDays: z.number().gt(0).max(3650),
    trustBarrierCodes: nonEmptyUnique(oneOf(ALL_CODES, 'barrier code')),
    carerSuggesterRoles: nonEmptyUnique(oneOf(SUGGESTER_ROLES, 'suggester role')),
    carerContesterRoles: nonEmptyUnique(oneOf(DECISION_CONTESTER_ROLES, 'contester role')),
    partnerMeetingKinds: nonEmptyUnique(oneOf(ACTIVITY_KINDS, 'activity kind')),
    barrierRepeatCount: z.number().int().min(2).max(1000),
  }),
  signals: z.strictObject({
    trust: signalSchema,
    engagement: signalSchema,
    partnershipCohesion: signalSchema,
    coCreationBalance: signalSchema,
  }),
});

/**
 * Validates a framework definition (plain JSON) and returns it typed, or throws a DomainError
 * `invalid` (GraphQL BAD_USER_INPUT, reason INVALID_SIGNAL_FRAMEWORK) listing every problem as
 * `path: message`.
 */
export function parseFrameworkDefinition(input: unknown): SignalFrameworkDefinition {
  const result = frameworkDefinitionSchema.safeParse(input);
  if (!result.success) {
    throw invalidFramework(
      result.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        return path ? `${path}: ${issue.message}` : issue.message;
      }),
    );
  }
  return result.data;
}

const invalidFramework = (problems: readonly string[]) =>
  signalsError('INVALID_SIGNAL_FRAMEWORK', `Invalid signal framework definition: ${problems.join('; ')}`, {
    problems: problems.join('; '),
  });

/**
 * Refuses, with the same INVALID_SIGNAL_FRAMEWORK listing, a definition that names instruments
 * not registered (`known`: the ids of the registered instruments among those it names).
 */
export function requireKnownInstruments(definition: SignalFrameworkDefinition, known: ReadonlySet<string>): void {
  const problems = frameworkInstruments(definition)
    .filter(({ instrumentId }) => !known.has(instrumentId))
    .map(({ instrumentId, path }) => `${path}: unknown survey instrument ${JSON.stringify(instrumentId)}`);
  if (problems.length > 0) throw invalidFramework(problems);
}

/** Refuses a malformed framework id or version (BAD_USER_INPUT). */
export function requireFrameworkRef(id: string, version: number): void {
  if (!ID_PATTERN.test(id)) {
    throw signalsError('INVALID_SIGNAL_FRAMEWORK_ID', 'frameworkId must be 1 to 100 letters, digits, _ - . :');
  }
  if (!Number.isInteger(version) || version < 1 || version > 1_000_000) {
    throw signalsError('INVALID_SIGNAL_FRAMEWORK_VERSION', 'version must be an integer from 1 to 1000000');
  }
}
