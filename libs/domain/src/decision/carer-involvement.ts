import { decisionError } from './decision.reasons.js';

/**
 * How carers took part in a decision that affects them, on a participation ladder: the IAP2
 * Spectrum of Public Participation (inform, consult, involve, collaborate, empower; IAP2, 2018),
 * itself a reading of Arnstein's ladder of citizen participation (1969), in the words of care
 * co-production. Each rung includes the ones below it:
 * - informed: carers were told of the decision;
 * - consulted: their views were asked for before deciding;
 * - involved: they worked on the options with the decision-makers;
 * - co_decided: they decided together with the partners;
 * - carer_led: carers decided, the partners supported.
 * docs/signals.md ("Levels of involvement") explains how the engagement signal can use it.
 */
export const CARER_INVOLVEMENT_LEVELS = ['informed', 'consulted', 'involved', 'co_decided', 'carer_led'] as const;
export type CarerInvolvement = (typeof CARER_INVOLVEMENT_LEVELS)[number];

/** The rungs at which carers shared the decision itself. */
export const SHARED_DECISION_LEVELS: readonly CarerInvolvement[] = ['co_decided', 'carer_led'];

/**
 * The level a carer-affecting decision records: the one given, else the least that its
 * consultation implies (consulted, or only informed). A level that contradicts `carersConsulted`
 * (informed but consulted, or consulted and above without consulting them) is refused. A decision
 * that does not affect carers records none.
 */
export function involvementOf(
  affectsCarers: boolean,
  carersConsulted: boolean,
  given: CarerInvolvement | null | undefined,
): CarerInvolvement | null {
  if (!affectsCarers) {
    if (given) {
      throw decisionError(
        'INVOLVEMENT_WITHOUT_EFFECT_ON_CARERS',
        'Only a decision that affects carers records how they took part',
        {
          field: 'carerInvolvement',
        },
      );
    }
    return null;
  }
  if (!given) return carersConsulted ? 'consulted' : 'informed';
  if (!(CARER_INVOLVEMENT_LEVELS as readonly string[]).includes(given)) {
    throw decisionError(
      'UNKNOWN_INVOLVEMENT_LEVEL',
      `carerInvolvement must be one of ${CARER_INVOLVEMENT_LEVELS.join(', ')}`,
      {
        field: 'carerInvolvement',
      },
    );
  }
  if ((given === 'informed') === carersConsulted) {
    throw decisionError(
      'INVOLVEMENT_CONTRADICTS_CONSULTATION',
      carersConsulted
        ? 'Carers who were consulted took part above "informed"'
        : `Carers who were not consulted cannot have been ${given.replace('_', '-')}`,
      { field: 'carerInvolvement', carerInvolvement: given, carersConsulted },
    );
  }
  return given;
}
