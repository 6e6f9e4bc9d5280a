import {
  requireUsableSurveyInstrument,
  type SurveyInstrumentState,
} from '../survey-instrument/survey-instrument.decider.js';
import type { SatisfactionInstrument } from './activity.commands.js';

/**
 * The instrument a satisfaction response is checked against, from the instrument's own state:
 * refuses an unknown or retired instrument, and names its items `item-1` ... `item-n`.
 */
export function satisfactionInstrumentFrom(state: SurveyInstrumentState, instrumentId: string): SatisfactionInstrument {
  const { itemCount, scale } = requireUsableSurveyInstrument(state, instrumentId);
  return {
    instrumentId,
    items: Array.from({ length: itemCount }, (_, index) => ({ itemId: `item-${index + 1}` })),
    scaleMin: scale.minimum,
    scaleMax: scale.maximum,
  };
}
