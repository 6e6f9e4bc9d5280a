/**
 * The coding schemes of DOMAIN.md. Every coded observation and every barrier names the scheme its
 * code comes from, so projections can count per scheme without guessing.
 */

/** The published taxonomy of eight causes of value co-destruction. */
export const CO_DESTRUCTION_CAUSES = [
  'absence_of_information',
  'insufficient_trust',
  'lack_of_clear_expectations',
  'inability_to_serve',
  'inability_to_change',
  'mistakes',
  'customer_misbehaviour',
  'blaming',
] as const;
export type CoDestructionCause = (typeof CO_DESTRUCTION_CAUSES)[number];

/** Causes seen in public agencies by users and providers. */
export const PUBLIC_AGENCY_CAUSES = [
  'inability_to_serve',
  'mistakes',
  'lack_of_bureaucratic_skills',
  'lack_of_transparency',
] as const;
export type PublicAgencyCause = (typeof PUBLIC_AGENCY_CAUSES)[number];

/** The four barriers found in the pilot. */
export const PILOT_BARRIERS = [
  'lack_of_trust',
  'lack_of_effective_engagement',
  'inability_to_change',
  'lack_of_cohesive_partnership',
] as const;
export type PilotBarrier = (typeof PILOT_BARRIERS)[number];

export const POSITIVE_OUTCOMES = ['satisfaction', 'competence', 'trust', 'relationships', 'other'] as const;
export type PositiveOutcome = (typeof POSITIVE_OUTCOMES)[number];

export const INVOLVEMENT_STAGES = ['antecedent', 'process', 'negative_effect'] as const;
export type InvolvementStage = (typeof INVOLVEMENT_STAGES)[number];

export const INVOLVEMENT_WHO = ['citizens', 'researchers_providers', 'team', 'system'] as const;
export type InvolvementWho = (typeof INVOLVEMENT_WHO)[number];

/** The classification of involvement shortcomings: three stages × who, each with its items. */
export const INVOLVEMENT_SHORTCOMINGS = [
  {
    stage: 'antecedent',
    who: 'citizens',
    items: [
      'lack_of_competences',
      'lack_of_trust',
      'lack_of_training',
      'lack_of_motivation',
      'lack_of_health',
      'frailty',
      'lack_of_perceived_power',
      'no_financial_compensation',
      'language',
      'low_awareness',
    ],
  },
  {
    stage: 'antecedent',
    who: 'researchers_providers',
    items: [
      'no_skilled_facilitator',
      'lack_of_motivation',
      'lack_of_competences',
      'perceiving_citizens_as_incompetent',
    ],
  },
  {
    stage: 'antecedent',
    who: 'system',
    items: [
      'lack_of_resources',
      'lack_of_time',
      'lack_of_funding',
      'complex_network',
      'project_bound_initiatives',
      'marginalised_citizens_left_out',
      'expectations_not_clarified',
      'roles_not_clarified',
      'purpose_not_clarified',
      'mobility_issues',
    ],
  },
  {
    stage: 'process',
    who: 'team',
    items: [
      'conflicts',
      'different_cultures',
      'strong_personalities',
      'no_feedback_exchange',
      'no_attention_to_individual_needs',
      'tokenism',
      'technical_language',
    ],
  },
  { stage: 'process', who: 'system', items: ['misuse_of_resources', 'lack_of_transparency'] },
  {
    stage: 'negative_effect',
    who: 'citizens',
    items: [
      'ethics_obligations_damaged',
      'damaged_relationships',
      'extra_burden',
      'fatigue',
      'feeling_compelled',
      'feeling_disempowered',
      'growing_inequalities',
      'low_satisfaction_with_results',
    ],
  },
  {
    stage: 'negative_effect',
    who: 'researchers_providers',
    items: [
      'careers_damaged',
      'credibility_damaged',
      'relationships_damaged',
      'misrepresented_findings',
      'extra_fatigue',
    ],
  },
  {
    stage: 'negative_effect',
    who: 'system',
    items: [
      'overuse_of_resources',
      'underuse_of_resources',
      'damaged_interpersonal_relationships',
      'unreliable_results',
      'extra_costs_and_effort',
    ],
  },
] as const satisfies readonly {
  stage: InvolvementStage;
  who: InvolvementWho;
  items: readonly string[];
}[];

type ShortcomingGroup = (typeof INVOLVEMENT_SHORTCOMINGS)[number];
type CodesOf<G> = G extends { stage: infer S extends string; who: infer W extends string; items: readonly (infer I)[] }
  ? `${S}_${W}_${I & string}`
  : never;

/** `<stage>_<who>_<item>`, e.g. `process_team_tokenism`: an identifier, so it can be a GraphQL enum value. */
export type InvolvementShortcomingCode = CodesOf<ShortcomingGroup>;

export const INVOLVEMENT_SHORTCOMING_CODES: readonly InvolvementShortcomingCode[] = INVOLVEMENT_SHORTCOMINGS.flatMap(
  (group) => group.items.map((item) => `${group.stage}_${group.who}_${item}` as InvolvementShortcomingCode),
);

/** Where an involvement-shortcoming code sits in the classification; undefined for an unknown code. */
export function involvementShortcoming(
  code: string,
): { stage: InvolvementStage; who: InvolvementWho; item: string } | undefined {
  for (const group of INVOLVEMENT_SHORTCOMINGS) {
    const item = group.items.find((candidate) => `${group.stage}_${group.who}_${candidate}` === code);
    if (item) return { stage: group.stage, who: group.who, item };
  }
  return undefined;
}

export const TAXONOMIES = [
  'co_destruction_causes',
  'public_agency_causes',
  'pilot_barriers',
  'involvement_shortcomings',
  'positive_outcomes',
] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export const TAXONOMY_CODES: { readonly [T in Taxonomy]: readonly string[] } = {
  co_destruction_causes: CO_DESTRUCTION_CAUSES,
  public_agency_causes: PUBLIC_AGENCY_CAUSES,
  pilot_barriers: PILOT_BARRIERS,
  involvement_shortcomings: INVOLVEMENT_SHORTCOMING_CODES,
  positive_outcomes: POSITIVE_OUTCOMES,
};

export const OBSERVATION_KINDS = ['barrier', 'negative_effect', 'positive_outcome'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/**
 * Whether a code may describe an observation of that kind: positive outcomes have their own list,
 * negative effects come from the negative-effect stage of the involvement classification, and a barrier
 * is any cause or any antecedent or process shortcoming.
 */
export function codeFitsKind(kind: ObservationKind, taxonomy: Taxonomy, code: string): boolean {
  if (!TAXONOMY_CODES[taxonomy].includes(code)) return false;
  const stage = taxonomy === 'involvement_shortcomings' ? involvementShortcoming(code)?.stage : undefined;
  switch (kind) {
    case 'positive_outcome':
      return taxonomy === 'positive_outcomes';
    case 'negative_effect':
      return stage === 'negative_effect';
    case 'barrier':
      return taxonomy !== 'positive_outcomes' && stage !== 'negative_effect';
  }
}

/** Inability is a choice, impossibility a constraint; only meaningful for `inability_to_change`. */
export const INABILITY_KINDS = ['inability', 'impossibility'] as const;
export type InabilityKind = (typeof INABILITY_KINDS)[number];

export const OBSERVATION_STAGES = ['before', 'during', 'after'] as const;
export type ObservationStage = (typeof OBSERVATION_STAGES)[number];

export const OBSERVATION_LEVELS = ['citizen', 'provider', 'team', 'system'] as const;
export type ObservationLevel = (typeof OBSERVATION_LEVELS)[number];
