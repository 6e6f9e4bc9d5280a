import { requireInteger, requireOneOf } from '../../shared/guards.js';
import type { RecordUnderstandingQuiz } from '../activity.commands.js';
import { QUIZ_PHASES, type ActivityEvent } from '../activity.events.js';
import { entriesOf, existing, held, notCancelled, requireId } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function recordUnderstandingQuiz(command: RecordUnderstandingQuiz, state: ActivityState): ActivityEvent[] {
  const data = command.data;
  const activity = notCancelled(existing(state, data.activityId));
  const carerId = requireId('carerId', data.carerId);
  const phase = requireOneOf('phase', data.phase, QUIZ_PHASES);
  const questionsAsked = requireInteger('questionsAsked', data.questionsAsked, 1, 100);
  const correctAnswers = requireInteger('correctAnswers', data.correctAnswers, 0, questionsAsked);
  if (activity.kind !== 'training_course') {
    throw activityError('QUIZ_ONLY_FOR_TRAINING_COURSE', `A ${activity.kind} has no understanding quiz`);
  }
  if (phase === 'after') held(activity);
  if (entriesOf(activity.quizPhasesByCarer, carerId).includes(phase)) {
    throw activityError('QUIZ_ALREADY_ANSWERED', `Carer ${carerId} already answered the ${phase} quiz`);
  }
  return [
    {
      type: 'UnderstandingQuizAnswered',
      data: {
        activityId: activity.activityId,
        projectId: activity.projectId,
        carerId,
        phase,
        questionsAsked,
        correctAnswers,
      },
    },
  ];
}
