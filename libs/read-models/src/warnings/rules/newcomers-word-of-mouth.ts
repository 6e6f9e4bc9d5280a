import type { ProjectView } from '../warning-project-view.js';
import { iso } from '../warning-record.js';
import { DAY_MS, heldSince, inWindow } from './trailing-window.js';
import { subjectKey } from './warning-rules.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

const RULE = 'newcomers_only_by_word_of_mouth';

/** The carers who joined in the window ending at `at`, and how many of them by word of mouth. */
function windowAt(project: ProjectView, at: number) {
  const windowMs = project.thresholds.wordOfMouthWindowDays * DAY_MS;
  let joined = 0;
  let byWordOfMouth = 0;
  let earliest = Infinity;
  for (const newcomer of project.newcomers.values()) {
    if (!inWindow(newcomer.joinedAt, at, windowMs)) continue;
    joined++;
    if (newcomer.channel === 'word_of_mouth') byWordOfMouth++;
    earliest = Math.min(earliest, newcomer.joinedAt);
  }
  // As the clock moves on, the window changes only when its earliest newcomer leaves it.
  return { joined, byWordOfMouth, leavesAt: earliest + windowMs };
}

const holds = (project: ProjectView, { joined, byWordOfMouth }: ReturnType<typeof windowAt>) =>
  joined >= project.thresholds.wordOfMouthMinNewcomers && byWordOfMouth === joined;

/**
 * Rule NEWCOMERS_ONLY_BY_WORD_OF_MOUTH (trust barrier): every carer who joined the project (accepted
 * an invitation) in the last `wordOfMouthWindowDays` up to the project's clock came by word of
 * mouth, none through the project's own channels (providers, social workers, GPs, brochures, the
 * press, ...), once at least `wordOfMouthMinNewcomers` joined. Word of mouth is welcome, but when it
 * is the only way in, the project's own channels reach nobody who does not already know someone in
 * it: the carers who do not trust the service are not being reached. Raised when history shows it
 * (a newcomer by word of mouth, or the last one by another channel leaving the window); resolved
 * once a newcomer comes through the project's channels or too few joined in the window.
 */
export const newcomersOnlyByWordOfMouth: WarningCheck = (project, moment) => {
  const now = windowAt(project, moment.clock);
  moment.standsUntil(now.leavesAt);
  if (!holds(project, now)) return [resolve(RULE, 'project', project.projectId)];
  const { wordOfMouthWindowDays: days, wordOfMouthMinNewcomers: min } = project.thresholds;
  const open = project.open.has(subjectKey(RULE, 'project', project.projectId));
  const windowMs = days * DAY_MS;
  const raisedAt = open
    ? moment.clock
    : heldSince(
        [...project.newcomers.values()].flatMap(({ joinedAt }) => [joinedAt, joinedAt + windowMs]),
        (at) => holds(project, windowAt(project, at)),
        moment.clock,
      );
  return [
    raise({
      rule: RULE,
      subjectType: 'project',
      subjectId: project.projectId,
      severity: 'warning',
      message: `All ${now.joined} carers who joined in the last ${days} days came by word of mouth, none through the project's own channels: those channels are not reaching carers who do not already know someone in the project`,
      details: { newcomers: now.joined, byWordOfMouth: now.byWordOfMouth, minNewcomers: min, windowDays: days },
      relatedIds: [],
      raisedAt,
      // With the event that opened it: a late entry may show the condition again from a moment an
      // earlier, since resolved, warning of the rule was raised at.
      instance: `${iso(raisedAt)}|${moment.eventId}`,
    }),
  ];
};
