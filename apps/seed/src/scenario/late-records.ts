import { addDays } from '../calendar.js';
import type { Step } from '../plan.js';
import type { PilotWorld } from '../world.js';

/** Paper records of the pilot's third month, typed in this many days after that month ended. */
const PAPER_BACKLOG_DAYS = 60;

/**
 * What the demo's team entered after the fact, as pilots do: interviews once transcribed (three to
 * ten weeks later), reflexive notes when written up (two to six weeks later), and the attendance
 * sheets, quizzes and satisfaction forms of the pilot's third month, kept on paper and typed in two
 * months after that month ended. Everything else is entered the day it happens. So on the demo,
 * the signals of the third month as of its end (`asOf`) differ from what the platform knew then
 * (`asOf` and `knownAt` at its end): see the README's time-travel query.
 */
export function planLateRecords(world: PilotWorld): void {
  const rng = world.rng.fork('late-records');
  const paperFrom = world.timeline.pilotMonth(3);
  const paperTo = world.timeline.pilotMonth(4);
  const typedIn = addDays(paperTo, PAPER_BACKLOG_DAYS);
  const onPaper = (step: Step) => step.at >= paperFrom && step.at < paperTo;
  world.plan.recordLater((step) => {
    switch (step.type) {
      case 'RecordInterview':
        return addDays(step.at, rng.int(21, 70));
      case 'RecordReflexiveNote':
        return addDays(step.at, rng.int(14, 42));
      case 'RecordCarerAttendance':
      case 'RecordUnderstandingQuiz':
      case 'RecordSatisfactionResponse':
        return onPaper(step) ? typedIn : null;
      default:
        return null;
    }
  });
}
