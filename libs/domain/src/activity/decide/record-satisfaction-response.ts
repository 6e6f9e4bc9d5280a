import { validateSatisfactionAnswers } from '../activity.answers.js';
import type { RecordSatisfactionResponse } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { entriesOf, existing, held, requireId } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function recordSatisfactionResponse(command: RecordSatisfactionResponse, state: ActivityState): ActivityEvent[] {
  const { instrument, answers } = command.data;
  const activity = held(existing(state, command.data.activityId));
  const carerId = command.data.carerId === null ? null : requireId('carerId', command.data.carerId);
  validateSatisfactionAnswers(instrument, answers);
  if (carerId !== null && entriesOf(activity.surveyInstrumentsByCarer, carerId).includes(instrument.instrumentId)) {
    throw activityError('SURVEY_ALREADY_ANSWERED', `Carer ${carerId} already answered ${instrument.instrumentId}`);
  }
  return [
    {
      type: 'SatisfactionSurveyAnswered',
      data: {
        activityId: activity.activityId,
        projectId: activity.projectId,
        carerId,
        instrumentId: instrument.instrumentId,
        itemIds: instrument.items.map((item) => item.itemId),
        scaleMin: instrument.scaleMin,
        scaleMax: instrument.scaleMax,
        answers: [...answers],
      },
    },
  ];
}
