import { requireText } from '../../shared/guards.js';
import type { RecordInstrumentResponse } from '../survey-instrument.commands.js';
import type { InstrumentRespondent, InstrumentResponseEvent } from '../survey-instrument.events.js';
import { surveyInstrumentError } from '../survey-instrument.reasons.js';
import { validateAnswers } from '../survey-instrument.scoring.js';
import type { InstrumentResponseState } from '../survey-instrument.state.js';

const id = (field: string, value: string) => requireText(field, value, 100);

/** Pseudonymous ids only: the event says who answered without saying who they are. */
function validRespondent(respondent: InstrumentRespondent): InstrumentRespondent {
  switch (respondent.kind) {
    case 'carer':
      return { kind: 'carer', carerId: id('respondent.carerId', respondent.carerId) };
    case 'partner_member':
      return {
        kind: 'partner_member',
        organisationId: id('respondent.organisationId', respondent.organisationId),
        memberId: id('respondent.memberId', respondent.memberId),
      };
  }
}

const KIND_OF = { carers: 'carer', partner_members: 'partner_member' } as const;

export function recordInstrumentResponse(
  command: RecordInstrumentResponse,
  state: InstrumentResponseState,
): InstrumentResponseEvent[] {
  const { instrument, answers } = command.data;
  if (state.status !== 'unknown') {
    throw surveyInstrumentError(
      'INSTRUMENT_RESPONSE_ALREADY_RECORDED',
      `Response ${command.data.responseId} is already recorded`,
    );
  }
  const respondent = validRespondent(command.data.respondent);
  if (respondent.kind !== KIND_OF[instrument.respondents]) {
    throw surveyInstrumentError(
      'RESPONDENT_KIND_MISMATCH',
      `Instrument ${instrument.instrumentId} is answered by ${instrument.respondents.replace('_', ' ')}, not by a ${respondent.kind.replace('_', ' ')}`,
      { field: 'respondent', expected: KIND_OF[instrument.respondents], received: respondent.kind },
    );
  }
  validateAnswers(answers, instrument);
  return [
    {
      type: 'InstrumentResponseRecorded',
      data: {
        responseId: id('responseId', command.data.responseId),
        projectId: id('projectId', command.data.projectId),
        instrumentId: instrument.instrumentId,
        respondent,
        itemIds: Array.from({ length: instrument.itemCount }, (_, index) => `item-${index + 1}`),
        scaleMin: instrument.scale.minimum,
        scaleMax: instrument.scale.maximum,
        answers: [...answers],
      },
    },
  ];
}
