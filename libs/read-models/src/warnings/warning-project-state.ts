import { v5 as uuidv5 } from 'uuid';
import type { RecordedEvent } from '#event-store';
import { normalisedScore } from '../signals/facts.js';
import { addMonths, overlapMonths, startOfMonth } from '../signals/periods.js';
import {
  CADENCE_KINDS,
  monthlyTarget,
  subjectKey,
  type CadenceKind,
  type ProjectTargets,
  type WarningRule,
  type WarningSeverity,
  type WarningSubjectType,
  type WarningThresholds,
} from './rules.js';

/**
 * The minimal state the warnings projection keeps per project (in its own tables, see
 * warnings.projection.ts) and the rules evaluated on it, event by event, in memory. Evaluation is
 * pure: the same events in the same order give the same warnings whatever the batch boundaries.
 *
 * Time: each project has a clock, the latest `occurredAt` among its events. Rules that depend on
 * elapsed time (barrier open too long, reach, cadence) are evaluated at the clock, so an event
 * entered late (dated in the past) never moves the clock back.
 */

/** Namespace of the warning ids (uuid v5): ids are derived, so a rebuild gives every warning the same id. */
export const WARNING_ID_NAMESPACE = 'a1d6f1a8-4c53-4f0e-9a57-6f3f0f5c2b71';

export function warningId(
  projectId: string,
  rule: WarningRule,
  subjectType: WarningSubjectType,
  subjectId: string,
  instance: string,
): string {
  return uuidv5(`${projectId}|${rule}|${subjectType}|${subjectId}|${instance}`, WARNING_ID_NAMESPACE);
}

/** A row of rm_warnings, as written (timestamps as ISO strings). */
export interface WarningRecord {
  id: string;
  project_id: string;
  territory_id: string | null;
  rule: WarningRule;
  severity: WarningSeverity;
  subject_type: WarningSubjectType;
  subject_id: string;
  related_ids: string[];
  message: string;
  details: Record<string, unknown>;
  raised_at: string;
  recorded_at: string;
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  ordinal: number;
  resolved_at: string | null;
  resolved_recorded_at: string | null;
  resolved_by_event_id: string | null;
}

export interface ProjectSettings {
  territoryId: string | null;
  eligibleCarers: number | null;
  /** ms since epoch; the pilot runs from here for `pilotMonths` calendar months. */
  startsOn: number | null;
  pilotMonths: number | null;
  /** occurredAt of the launch or extension that set `pilotMonths` (the latest dated wins). */
  pilotMonthsAt: number | null;
  targets: ProjectTargets | null;
  /** occurredAt of the launch or revision that set `targets` (the latest dated wins). */
  targetsAt: number | null;
  /** The project's clock: the latest occurredAt of its events. */
  clock: number | null;
}

export type ActivityStatus = 'scheduled' | 'held' | 'cancelled';

export interface ActivityState {
  kind: string | null;
  scheduledFor: number | null;
  status: ActivityStatus;
  /** When it was held or cancelled (occurredAt of that event). */
  decidedAt: number | null;
  /** For a cancellation: whether carers were consulted (null: not recorded). */
  carersConsulted: boolean | null;
}

export interface DecisionState {
  affectsCarers: boolean;
  carersConsulted: boolean;
  activityId: string | null;
}

export interface BarrierState {
  code: string | null;
  open: boolean;
  /** Observed, or reopened: when the current open spell began. */
  openSince: number | null;
}

export type ResponseKind = 'satisfaction' | 'understanding';

export interface ResponseState {
  eventId: string;
  kind: ResponseKind;
  /** Satisfaction: the normalised score; understanding: correct answers. */
  numerator: number;
  /** Satisfaction: 1; understanding: questions asked. */
  denominator: number;
  occurredAt: number;
  posCommit: bigint;
  posPrepare: bigint;
}

/** Everything the rules need about one project; `dirty` says what the batch must write back. */
export class ProjectState {
  settings: ProjectSettings = {
    territoryId: null,
    eligibleCarers: null,
    startsOn: null,
    pilotMonths: null,
    pilotMonthsAt: null,
    targets: null,
    targetsAt: null,
    clock: null,
  };
  readonly activities = new Map<string, ActivityState>();
  readonly decisions = new Map<string, DecisionState>();
  readonly barriers = new Map<string, BarrierState>();
  /** Carer → first attendance (ms). */
  readonly carers = new Map<string, number>();
  /** First attendances per calendar month (ms of the month start → carers). */
  readonly carersPerMonth = new Map<number, number>();
  /** The latest `recentResponses` responses of each kind, oldest first. */
  readonly responses: Record<ResponseKind, ResponseState[]> = { satisfaction: [], understanding: [] };
  /** Open warnings by subject key, and every warning this batch wrote (by id). */
  readonly open = new Map<string, WarningRecord>();
  readonly written = new Map<string, WarningRecord>();

  readonly dirty = {
    settings: false,
    activities: new Set<string>(),
    decisions: new Set<string>(),
    barriers: new Set<string>(),
    carers: new Set<string>(),
    responses: [] as ResponseState[],
  };

  constructor(
    readonly projectId: string,
    private readonly thresholds: WarningThresholds,
  ) {}

  /** Loads an open warning from the table (before the batch). */
  loadOpen(record: WarningRecord): void {
    this.open.set(subjectKey(record.rule, record.subject_type, record.subject_id), record);
  }

  loadCarer(carerId: string, firstAttendedAt: number): void {
    this.carers.set(carerId, firstAttendedAt);
    const month = startOfMonth(new Date(firstAttendedAt)).getTime();
    this.carersPerMonth.set(month, (this.carersPerMonth.get(month) ?? 0) + 1);
  }

  loadResponse(response: ResponseState): void {
    insertResponse(this.responses[response.kind], response, this.thresholds.recentResponses);
  }

  /** Folds one event (of this project) into the state and evaluates the rules it may affect. */
  apply(event: RecordedEvent): void {
    const occurredAt = event.occurredAt.getTime();
    const settings = this.settings;
    if (settings.clock === null || occurredAt > settings.clock) {
      settings.clock = occurredAt;
      this.dirty.settings = true;
    }
    const context = new Trigger(event, settings.clock);
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'ProjectLaunched':
        this.launched(data, occurredAt);
        break;
      case 'ProjectTargetsRevised':
        if (isTargets(data.targets) && (settings.targetsAt === null || occurredAt >= settings.targetsAt)) {
          settings.targets = data.targets;
          settings.targetsAt = occurredAt;
          this.dirty.settings = true;
        }
        break;
      case 'PilotExtended':
        if (
          typeof data.pilotMonths === 'number' &&
          (settings.pilotMonthsAt === null || occurredAt >= settings.pilotMonthsAt)
        ) {
          settings.pilotMonths = data.pilotMonths;
          settings.pilotMonthsAt = occurredAt;
          this.dirty.settings = true;
        }
        break;
      case 'ActivityScheduled':
        this.activity(String(data.activityId), (activity) => {
          activity.kind = str(data.kind);
          activity.scheduledFor = time(data.scheduledFor);
        });
        break;
      case 'ActivityRescheduled':
        this.activity(String(data.activityId), (activity) => {
          activity.scheduledFor = time(data.scheduledFor) ?? activity.scheduledFor;
        });
        this.cancellationsInARow(context);
        break;
      case 'ActivityCancelled':
        this.activity(String(data.activityId), (activity) => {
          activity.status = 'cancelled';
          activity.decidedAt = occurredAt;
          activity.carersConsulted = typeof data.carersConsulted === 'boolean' ? data.carersConsulted : null;
        });
        this.cancellationWithoutCarers(String(data.activityId), data, context);
        this.cancellationsInARow(context);
        break;
      case 'ActivityHeld':
        this.activity(String(data.activityId), (activity) => {
          activity.status = 'held';
          activity.decidedAt = occurredAt;
        });
        this.cancellationsInARow(context);
        break;
      case 'CarerAttendedActivity': {
        const carerId = str(data.carerId);
        const first = carerId === null ? undefined : this.carers.get(carerId);
        if (carerId !== null && (first === undefined || occurredAt < first)) {
          if (first !== undefined) {
            const month = startOfMonth(new Date(first)).getTime();
            this.carersPerMonth.set(month, (this.carersPerMonth.get(month) ?? 1) - 1);
          }
          this.loadCarer(carerId, occurredAt);
          this.dirty.carers.add(carerId);
        }
        break;
      }
      case 'SatisfactionSurveyAnswered': {
        const score = normalisedScore(data.answers, data.scaleMax);
        if (score !== null) this.response(event, 'satisfaction', score, 1);
        break;
      }
      case 'UnderstandingQuizAnswered':
        if (
          data.phase === 'after' &&
          typeof data.correctAnswers === 'number' &&
          typeof data.questionsAsked === 'number' &&
          data.questionsAsked > 0
        ) {
          this.response(event, 'understanding', data.correctAnswers, data.questionsAsked);
        }
        break;
      case 'DecisionTaken': {
        const decisionId = String(data.decisionId);
        this.decisions.set(decisionId, {
          affectsCarers: data.affectsCarers === true,
          carersConsulted: data.carersConsulted === true,
          activityId: str(data.activityId),
        });
        this.dirty.decisions.add(decisionId);
        this.decisionConsultation(decisionId, context);
        break;
      }
      case 'DecisionRevised': {
        const decisionId = String(data.decisionId);
        const decision = this.decisions.get(decisionId);
        if (decision && typeof data.carersConsulted === 'boolean') {
          decision.carersConsulted = data.carersConsulted;
          this.dirty.decisions.add(decisionId);
          this.decisionConsultation(decisionId, context);
        }
        break;
      }
      case 'BarrierObserved': {
        const barrierId = String(data.barrierId);
        this.barriers.set(barrierId, { code: str(data.code), open: true, openSince: occurredAt });
        this.dirty.barriers.add(barrierId);
        break;
      }
      case 'BarrierResolved': {
        const barrierId = String(data.barrierId);
        const barrier = this.barriers.get(barrierId);
        if (barrier) {
          barrier.open = false;
          this.dirty.barriers.add(barrierId);
        }
        this.resolve(subjectKey('barrier_open_too_long', 'barrier', barrierId), context);
        break;
      }
      case 'BarrierReopened': {
        const barrierId = String(data.barrierId);
        const barrier = this.barriers.get(barrierId);
        if (barrier && !barrier.open) {
          barrier.open = true;
          barrier.openSince = occurredAt;
          this.dirty.barriers.add(barrierId);
        }
        break;
      }
      default:
        break;
    }
    // Rules on the project's state and clock, after every event (any event moves the clock).
    this.barriersOpenTooLong(context);
    this.reach(context);
    for (const kind of CADENCE_KINDS) this.cadence(kind, context);
    this.responsesBelowTarget('satisfaction', context);
    this.responsesBelowTarget('understanding', context);
  }

  // ------------------------------------------------------------------ state

  private launched(data: Record<string, unknown>, occurredAt: number): void {
    const settings = this.settings;
    settings.territoryId = str(data.territoryId);
    settings.eligibleCarers = typeof data.eligibleCarers === 'number' ? data.eligibleCarers : null;
    settings.startsOn = time(data.startsOn);
    if (settings.pilotMonthsAt === null && typeof data.pilotMonths === 'number') {
      settings.pilotMonths = data.pilotMonths;
      settings.pilotMonthsAt = occurredAt;
    }
    if (settings.targetsAt === null && isTargets(data.targets)) {
      settings.targets = data.targets;
      settings.targetsAt = occurredAt;
    }
    this.dirty.settings = true;
  }

  private activity(activityId: string, change: (activity: ActivityState) => void): void {
    let activity = this.activities.get(activityId);
    if (!activity) {
      activity = { kind: null, scheduledFor: null, status: 'scheduled', decidedAt: null, carersConsulted: null };
      this.activities.set(activityId, activity);
    }
    change(activity);
    this.dirty.activities.add(activityId);
  }

  private response(event: RecordedEvent, kind: ResponseKind, numerator: number, denominator: number): void {
    const response: ResponseState = {
      eventId: event.id,
      kind,
      numerator,
      denominator,
      occurredAt: event.occurredAt.getTime(),
      posCommit: event.position.commit,
      posPrepare: event.position.prepare,
    };
    insertResponse(this.responses[kind], response, this.thresholds.recentResponses);
    this.dirty.responses.push(response);
  }

  // ------------------------------------------------------------------ rules

  /** Rule 1 for decisions: affects carers and (as of its latest revision) taken without them. */
  private decisionConsultation(decisionId: string, trigger: Trigger): void {
    const decision = this.decisions.get(decisionId)!;
    const key = subjectKey('carers_not_consulted', 'decision', decisionId);
    if (decision.affectsCarers && !decision.carersConsulted) {
      this.raise(trigger, {
        rule: 'carers_not_consulted',
        subjectType: 'decision',
        subjectId: decisionId,
        severity: 'warning',
        message: `Decision ${decisionId} affects carers and was taken without consulting them`,
        details: { decisionId, activityId: decision.activityId },
        relatedIds: decision.activityId ? [decision.activityId] : [],
        raisedAt: trigger.occurredAt,
        instance: trigger.event.id,
      });
    } else {
      this.resolve(key, trigger);
    }
    // A decision about a cancelled activity, taken or revised with the carers, revisits that cancellation with them.
    if (decision.carersConsulted && decision.activityId) {
      this.resolve(subjectKey('carers_not_consulted', 'activity', decision.activityId), trigger);
    }
  }

  /** Rule 1 for cancellations: `carersConsulted === false` (null, not recorded, is not a "no"). */
  private cancellationWithoutCarers(activityId: string, data: Record<string, unknown>, trigger: Trigger): void {
    if (data.carersConsulted !== false) return;
    const activity = this.activities.get(activityId)!;
    this.raise(trigger, {
      rule: 'carers_not_consulted',
      subjectType: 'activity',
      subjectId: activityId,
      severity: 'warning',
      message: `Activity ${activityId}${activity.kind ? ` (${activity.kind})` : ''} was cancelled without consulting the carers${
        typeof data.reason === 'string' ? ` (reason: ${data.reason})` : ''
      }`,
      details: {
        activityId,
        kind: activity.kind,
        reason: str(data.reason),
        decidedByRole: str(data.decidedByRole),
        decidedByOrganisationId: str(data.decidedByOrganisationId),
      },
      relatedIds: [activityId],
      raisedAt: trigger.occurredAt,
      instance: trigger.event.id,
    });
  }

  /** Rule 2: the latest decided sessions by scheduled time end with N or more cancellations. */
  private cancellationsInARow(trigger: Trigger): void {
    const threshold = this.thresholds.cancellationsInARow;
    const decided = [...this.activities.entries()]
      .filter(([, activity]) => activity.status !== 'scheduled')
      .sort(([idA, a], [idB, b]) => {
        const atA = a.scheduledFor ?? a.decidedAt ?? 0;
        const atB = b.scheduledFor ?? b.decidedAt ?? 0;
        return atA !== atB ? atA - atB : idA < idB ? -1 : idA > idB ? 1 : 0;
      });
    const run: string[] = [];
    for (let index = decided.length - 1; index >= 0; index--) {
      const [activityId, activity] = decided[index]!;
      if (activity.status !== 'cancelled') break;
      run.unshift(activityId);
    }
    const key = subjectKey('cancellations_in_a_row', 'project', this.projectId);
    if (run.length < threshold) {
      this.resolve(key, trigger);
      return;
    }
    const last = this.activities.get(run[run.length - 1]!)!;
    const lastAt = last.scheduledFor ?? last.decidedAt;
    this.raise(trigger, {
      rule: 'cancellations_in_a_row',
      subjectType: 'project',
      subjectId: this.projectId,
      severity: run.length >= 2 * threshold ? 'critical' : 'warning',
      message: `${run.length} sessions cancelled in a row (threshold ${threshold})${
        lastAt !== null ? `, the latest scheduled for ${iso(lastAt)}` : ''
      }`,
      details: { count: run.length, threshold, activityIds: run },
      relatedIds: run,
      raisedAt: trigger.occurredAt,
      instance: trigger.event.id,
    });
  }

  /** Rule 4: a barrier still open `barrierOpenDays` after its open spell began, at the project's clock. */
  private barriersOpenTooLong(trigger: Trigger): void {
    const days = this.thresholds.barrierOpenDays;
    for (const [barrierId, barrier] of this.barriers) {
      if (!barrier.open || barrier.openSince === null) continue;
      const due = barrier.openSince + days * 86_400_000;
      if (trigger.clock < due) continue;
      const key = subjectKey('barrier_open_too_long', 'barrier', barrierId);
      if (this.open.has(key)) continue;
      this.raise(trigger, barrierWarning(barrierId, barrier, days, trigger.clock));
    }
  }

  /** Rule 5, reach: reached + best monthly rate × months left < ⌈eligible × reachShare⌉. */
  private reach(trigger: Trigger): void {
    const key = subjectKey('reach_out_of_reach', 'target', 'reach');
    const { eligibleCarers, startsOn, pilotMonths, targets } = this.settings;
    if (eligibleCarers === null || startsOn === null || pilotMonths === null || targets === null) return;
    const clock = trigger.clock;
    const start = new Date(startsOn);
    if (clock < addMonths(start, this.thresholds.reachGraceMonths).getTime()) return;
    const target = Math.ceil(eligibleCarers * targets.reachShare - 1e-9);
    const reached = this.carers.size;
    const end = addMonths(start, pilotMonths).getTime();
    const monthsLeft =
      clock < end ? overlapMonths({ from: new Date(clock), to: new Date(end) }, new Date(clock), new Date(end)) : 0;
    const bestMonthlyRate = Math.max(0, ...this.carersPerMonth.values());
    const projected = reached + bestMonthlyRate * monthsLeft;
    if (reached >= target || projected >= target - 1e-9) {
      this.resolve(key, trigger);
      return;
    }
    this.raise(trigger, {
      rule: 'reach_out_of_reach',
      subjectType: 'target',
      subjectId: 'reach',
      severity: monthsLeft === 0 ? 'critical' : 'warning',
      message:
        monthsLeft === 0
          ? `Reach target missed: ${reached} of ${target} carers reached by the end of the pilot`
          : `Reach target out of reach: ${reached} of ${target} carers reached; at the best monthly rate so far (${bestMonthlyRate}/month) the ${round(monthsLeft, 2)} months left bring at most ${round(projected, 2)}`,
      details: {
        target,
        reached,
        eligibleCarers,
        reachShare: targets.reachShare,
        bestMonthlyRate,
        monthsLeft: round(monthsLeft),
        projected: round(projected),
        pilotEndsOn: iso(end),
      },
      relatedIds: [],
      raisedAt: trigger.clock,
      instance: trigger.event.id,
    });
  }

  /**
   * Rule 5, cadence (per kind): shortfall = target/month × months elapsed − held; out of reach when
   * shortfall ≥ 1 and shortfall > catch-up × target/month × months left.
   */
  private cadence(kind: CadenceKind, trigger: Trigger): void {
    const key = subjectKey('cadence_out_of_reach', 'activity_kind', kind);
    const { startsOn, pilotMonths, targets } = this.settings;
    if (startsOn === null || pilotMonths === null || targets === null) return;
    const perMonth = monthlyTarget(kind, targets);
    const clock = trigger.clock;
    if (!(perMonth > 0) || clock <= startsOn) {
      this.resolve(key, trigger);
      return;
    }
    const start = new Date(startsOn);
    const end = addMonths(start, pilotMonths);
    const now = new Date(Math.min(clock, end.getTime()));
    const elapsed = overlapMonths({ from: start, to: now }, start, end);
    const monthsLeft = clock < end.getTime() ? overlapMonths({ from: new Date(clock), to: end }, start, end) : 0;
    let held = 0;
    for (const activity of this.activities.values()) {
      if (activity.kind !== kind || activity.status !== 'held' || activity.decidedAt === null) continue;
      if (activity.decidedAt >= startsOn && activity.decidedAt < end.getTime()) held++;
    }
    const expected = perMonth * elapsed;
    const shortfall = expected - held;
    const canMakeUp = this.thresholds.cadenceCatchUp * perMonth * monthsLeft;
    if (!(shortfall >= 1 - 1e-9 && shortfall > canMakeUp + 1e-9)) {
      this.resolve(key, trigger);
      return;
    }
    this.raise(trigger, {
      rule: 'cadence_out_of_reach',
      subjectType: 'activity_kind',
      subjectId: kind,
      severity: monthsLeft === 0 ? 'critical' : 'warning',
      message:
        monthsLeft === 0
          ? `Cadence target missed for ${kind}: ${held} held, ${round(expected, 2)} expected over the pilot`
          : `Cadence target out of reach for ${kind}: ${held} held, ${round(expected, 2)} expected by now; the shortfall of ${round(shortfall, 2)} exceeds the ${round(canMakeUp, 2)} the ${round(monthsLeft, 2)} months left can make up`,
      details: {
        kind,
        held,
        expected: round(expected),
        perMonth: round(perMonth),
        monthsElapsed: round(elapsed),
        monthsLeft: round(monthsLeft),
        shortfall: round(shortfall),
        canMakeUp: round(canMakeUp),
        catchUp: this.thresholds.cadenceCatchUp,
      },
      relatedIds: [],
      raisedAt: trigger.clock,
      instance: trigger.event.id,
    });
  }

  /** Rule 5, satisfaction / understanding: the last N responses (by occurredAt) below the project's threshold. */
  private responsesBelowTarget(kind: ResponseKind, trigger: Trigger): void {
    const rule: WarningRule = kind === 'satisfaction' ? 'satisfaction_below_target' : 'understanding_below_target';
    const key = subjectKey(rule, 'target', kind);
    const targets = this.settings.targets;
    const recent = this.responses[kind];
    const n = this.thresholds.recentResponses;
    if (!targets || recent.length < n) {
      this.resolve(key, trigger);
      return;
    }
    const threshold = kind === 'satisfaction' ? targets.satisfactionThreshold : targets.understandingThreshold;
    if (typeof threshold !== 'number') {
      this.resolve(key, trigger);
      return;
    }
    const numerator = recent.reduce((sum, r) => sum + r.numerator, 0);
    const denominator = recent.reduce((sum, r) => sum + r.denominator, 0);
    const value = denominator > 0 ? numerator / denominator : null;
    if (value === null || value >= threshold - 1e-12) {
      this.resolve(key, trigger);
      return;
    }
    this.raise(trigger, {
      rule,
      subjectType: 'target',
      subjectId: kind,
      severity: 'warning',
      message: `${kind === 'satisfaction' ? 'Satisfaction' : 'Understanding'} is ${round(value, 2)} over the last ${n} ${
        kind === 'satisfaction' ? 'survey responses' : 'after-course quizzes'
      }, below the target ${threshold}`,
      details: {
        value: round(value),
        threshold,
        responses: n,
        numerator: round(numerator),
        denominator: round(denominator),
        from: iso(recent[0]!.occurredAt),
        to: iso(recent[recent.length - 1]!.occurredAt),
      },
      relatedIds: recent.map((r) => r.eventId),
      raisedAt: trigger.occurredAt,
      instance: trigger.event.id,
    });
  }

  // ------------------------------------------------------------------ raising and resolving

  /** Opens a warning, or, when one is already open for the subject, refreshes what it says. */
  private raise(trigger: Trigger, spec: WarningSpec): void {
    const key = subjectKey(spec.rule, spec.subjectType, spec.subjectId);
    const open = this.open.get(key);
    if (open) {
      const changed =
        open.severity !== spec.severity ||
        open.message !== spec.message ||
        JSON.stringify(open.details) !== JSON.stringify(spec.details) ||
        JSON.stringify(open.related_ids) !== JSON.stringify(spec.relatedIds);
      if (changed) {
        open.severity = spec.severity;
        open.message = spec.message;
        open.details = spec.details;
        open.related_ids = spec.relatedIds;
        this.written.set(open.id, open);
      }
      return;
    }
    const { event } = trigger;
    const record: WarningRecord = {
      id: warningId(this.projectId, spec.rule, spec.subjectType, spec.subjectId, spec.instance),
      project_id: this.projectId,
      territory_id: this.settings.territoryId,
      rule: spec.rule,
      severity: spec.severity,
      subject_type: spec.subjectType,
      subject_id: spec.subjectId,
      related_ids: spec.relatedIds,
      message: spec.message,
      details: spec.details,
      raised_at: iso(spec.raisedAt),
      recorded_at: event.recordedAt.toISOString(),
      event_id: event.id,
      pos_commit: event.position.commit.toString(),
      pos_prepare: event.position.prepare.toString(),
      ordinal: trigger.ordinal++,
      resolved_at: null,
      resolved_recorded_at: null,
      resolved_by_event_id: null,
    };
    this.open.set(key, record);
    this.written.set(record.id, record);
  }

  private resolve(key: string, trigger: Trigger): void {
    const open = this.open.get(key);
    if (!open) return;
    open.resolved_at = iso(trigger.occurredAt);
    open.resolved_recorded_at = trigger.event.recordedAt.toISOString();
    open.resolved_by_event_id = trigger.event.id;
    this.open.delete(key);
    this.written.set(open.id, open);
  }
}

export interface WarningSpec {
  readonly rule: WarningRule;
  readonly subjectType: WarningSubjectType;
  readonly subjectId: string;
  readonly severity: WarningSeverity;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly relatedIds: string[];
  /** ms since epoch. */
  readonly raisedAt: number;
  /** What makes this occurrence unique among the subject's warnings (for its derived id). */
  readonly instance: string;
}

/** The event being applied: when it occurred, the project's clock, and how many warnings it raised so far. */
class Trigger {
  ordinal = 0;
  readonly occurredAt: number;
  constructor(
    readonly event: RecordedEvent,
    readonly clock: number,
  ) {
    this.occurredAt = event.occurredAt.getTime();
  }
}

/**
 * The barrier rule's warning. Its id depends on the barrier and the start of its open spell only,
 * so the warning computed at query time for a quiet project (warnings-reader.ts) and the one the
 * projection stores once a later event passes the deadline are the same warning.
 */
export function barrierWarning(
  barrierId: string,
  barrier: Pick<BarrierState, 'code' | 'openSince'>,
  days: number,
  raisedAt: number,
): WarningSpec {
  const openSince = barrier.openSince!;
  return {
    rule: 'barrier_open_too_long',
    subjectType: 'barrier',
    subjectId: barrierId,
    severity: 'warning',
    message: `Barrier ${barrier.code ?? barrierId} has been open for more than ${days} days (since ${iso(openSince)})`,
    details: {
      barrierId,
      code: barrier.code,
      openSince: iso(openSince),
      dueAt: iso(openSince + days * 86_400_000),
      thresholdDays: days,
    },
    relatedIds: [barrierId],
    raisedAt,
    instance: iso(openSince),
  };
}

/** Keeps `list` sorted by (occurredAt, position) and at most `max` long (the latest). */
function insertResponse(list: ResponseState[], response: ResponseState, max: number): void {
  if (list.some((r) => r.eventId === response.eventId)) return;
  const after = (a: ResponseState, b: ResponseState) =>
    a.occurredAt !== b.occurredAt
      ? a.occurredAt > b.occurredAt
      : a.posCommit !== b.posCommit
        ? a.posCommit > b.posCommit
        : a.posPrepare > b.posPrepare;
  let index = list.length;
  while (index > 0 && after(list[index - 1]!, response)) index--;
  list.splice(index, 0, response);
  while (list.length > max) list.shift();
}

function isTargets(value: unknown): value is ProjectTargets {
  if (!value || typeof value !== 'object') return false;
  const targets = value as Record<string, unknown>;
  return ['reachShare', 'trainingCoursesPerMonth', 'peerMeetingsPerMonth', 'committeeEveryMonths'].every(
    (key) => typeof targets[key] === 'number',
  );
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

const round = (value: number, digits = 6): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
