import equal from 'fast-deep-equal';
import type { RecordedEvent } from '#event-store';
import { startOfMonth } from '../signals/index.js';
import { subjectKey, type WarningThresholds } from './rules/warning-rules.js';
import type { RuleMoment, StateRule, Verdict, WarningSpec } from './rules/warning-verdicts.js';
import type {
  ActivityState,
  BarrierState,
  CarerRequestState,
  ConcernState,
  DecisionState,
  InvitationState,
  MeetingState,
  NewcomerState,
  PartnerState,
  ProjectSettings,
  ProjectView,
  ResponseKind,
  ResponseState,
  StatePart,
  SuggestionState,
} from './warning-project-view.js';
import { iso, warningId, type WarningRecord } from './warning-record.js';

/**
 * One project's state in memory while a batch runs: loaded from the projection's tables, folded
 * event by event (warning-fold.ts), judged by the rules (rules/), written back for what `dirty`
 * and `written` say changed. Evaluation is pure: the same events in the same order give the same
 * warnings whatever the batch boundaries.
 *
 * Time: each project has a clock, the latest `occurredAt` among its events. Rules that depend on
 * elapsed time (barrier open too long, reach, cadence) are judged at the clock, so an event
 * entered late (dated in the past) never moves the clock back.
 */
export class ProjectState implements ProjectView {
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
  readonly meetings = new Map<string, MeetingState>();
  readonly partners = new Map<string, PartnerState>();
  readonly suggestions = new Map<string, SuggestionState>();
  readonly invitations = new Map<string, InvitationState>();
  readonly newcomers = new Map<string, NewcomerState>();
  readonly concerns = new Map<string, ConcernState>();
  readonly carerRequests = new Map<string, CarerRequestState>();
  readonly carers = new Map<string, number>();
  readonly carersPerMonth = new Map<number, number>();
  readonly responses: Record<ResponseKind, ResponseState[]> = { satisfaction: [], understanding: [] };
  /** Open warnings by subject key, and every warning this batch wrote (by id). */
  readonly open = new Map<string, WarningRecord>();
  readonly written = new Map<string, WarningRecord>();

  readonly dirty = {
    settings: false,
    activities: new Set<string>(),
    decisions: new Set<string>(),
    barriers: new Set<string>(),
    meetings: new Set<string>(),
    partners: new Set<string>(),
    suggestions: new Set<string>(),
    invitations: new Set<string>(),
    newcomers: new Set<string>(),
    concerns: new Set<string>(),
    carerRequests: new Set<string>(),
    carers: new Set<string>(),
    responses: [] as ResponseState[],
  };

  /** Changes so far (the fold's and the open warnings'); each part and each rule judged keeps the count at its last. */
  private changes = 0;
  private readonly changedAt: Record<StatePart | 'open', number> = {
    settings: 0,
    activities: 0,
    decisions: 0,
    barriers: 0,
    meetings: 0,
    partners: 0,
    suggestions: 0,
    invitations: 0,
    newcomers: 0,
    concerns: 0,
    carerRequests: 0,
    carers: 0,
    carersPerMonth: 0,
    responses: 0,
    open: 0,
  };
  private readonly judgedAt = new Map<StateRule, { changes: number; clock: number; until: number }>();

  constructor(
    readonly projectId: string,
    readonly thresholds: WarningThresholds,
  ) {}

  /** Records that an entry of a part changed: written back after the batch, judged again by the rules that read the part. */
  changed(part: Exclude<StatePart, 'settings' | 'carersPerMonth' | 'responses'>, id: string): void {
    this.dirty[part].add(id);
    this.counted(part);
  }

  settingsChanged(): void {
    this.dirty.settings = true;
    this.counted('settings');
  }

  /** Counts a change of `part` (or of the open warnings), for `judgeOnChange`. */
  private counted(part: StatePart | 'open'): void {
    this.changedAt[part] = ++this.changes;
  }

  /** After the batch is written: memory and tables agree, nothing is dirty. */
  markSaved(): void {
    const dirty = this.dirty;
    dirty.settings = false;
    dirty.activities.clear();
    dirty.decisions.clear();
    dirty.barriers.clear();
    dirty.meetings.clear();
    dirty.partners.clear();
    dirty.suggestions.clear();
    dirty.invitations.clear();
    dirty.newcomers.clear();
    dirty.concerns.clear();
    dirty.carerRequests.clear();
    dirty.carers.clear();
    dirty.responses.length = 0;
    this.written.clear();
  }

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

  // ------------------------------------------------------------------ folding

  /** Moves the clock to the event when it is the latest so far: every event of the project does. */
  tick(event: RecordedEvent): Trigger {
    const occurredAt = event.occurredAt.getTime();
    const settings = this.settings;
    if (settings.clock === null || occurredAt > settings.clock) {
      settings.clock = occurredAt;
      this.settingsChanged();
    }
    return new Trigger(event, settings.clock);
  }

  activity(activityId: string, change: (activity: ActivityState) => void): void {
    let activity = this.activities.get(activityId);
    if (!activity) {
      activity = { kind: null, scheduledFor: null, status: 'scheduled', decidedAt: null, carersConsulted: null };
      this.activities.set(activityId, activity);
    }
    change(activity);
    this.changed('activities', activityId);
  }

  meeting(meetingId: string, change: (meeting: MeetingState) => void): void {
    let meeting = this.meetings.get(meetingId);
    if (!meeting) {
      meeting = { scheduledFor: null, status: 'planned', decidedAt: null };
      this.meetings.set(meetingId, meeting);
    }
    change(meeting);
    this.changed('meetings', meetingId);
  }

  partner(organisationId: string, change: (partner: PartnerState) => void): void {
    let partner = this.partners.get(organisationId);
    if (!partner) {
      partner = { member: false, unclearSince: null, clarityAt: null };
      this.partners.set(organisationId, partner);
    }
    change(partner);
    this.changed('partners', organisationId);
  }

  suggestion(suggestionId: string, change: (suggestion: SuggestionState) => void): void {
    let suggestion = this.suggestions.get(suggestionId);
    if (!suggestion) {
      suggestion = { byCarer: null, declinedAt: null, declineReason: null };
      this.suggestions.set(suggestionId, suggestion);
    }
    change(suggestion);
    this.changed('suggestions', suggestionId);
  }

  invitation(invitationId: string, change: (invitation: InvitationState) => void): void {
    let invitation = this.invitations.get(invitationId);
    if (!invitation) {
      invitation = { invitedAt: null, declinedAt: null, declineReason: null };
      this.invitations.set(invitationId, invitation);
    }
    change(invitation);
    this.changed('invitations', invitationId);
  }

  /** Keeps each carer's earliest dated acceptance (a late entry dated earlier replaces it). */
  joined(carerId: string, at: number, channel: string | null): void {
    const known = this.newcomers.get(carerId);
    if (known && known.joinedAt <= at) return;
    this.newcomers.set(carerId, { joinedAt: at, channel });
    this.changed('newcomers', carerId);
  }

  concern(concernId: string, change: (concern: ConcernState) => void): void {
    let concern = this.concerns.get(concernId);
    if (!concern) {
      concern = { category: null, raisedByOrganisationId: null, raisedAt: null, resolved: false };
      this.concerns.set(concernId, concern);
    }
    change(concern);
    this.changed('concerns', concernId);
  }

  carerRequest(requestId: string, change: (request: CarerRequestState) => void): void {
    let request = this.carerRequests.get(requestId);
    if (!request) {
      request = { category: null, declinedAt: null, cannotMeetBecause: null };
      this.carerRequests.set(requestId, request);
    }
    change(request);
    this.changed('carerRequests', requestId);
  }

  /** Keeps each carer's first attendance: a late entry dated earlier moves it back (and to its month). */
  attended(carerId: string, at: number): void {
    const first = this.carers.get(carerId);
    if (first !== undefined && at >= first) return;
    if (first !== undefined) {
      const month = startOfMonth(new Date(first)).getTime();
      this.carersPerMonth.set(month, (this.carersPerMonth.get(month) ?? 1) - 1);
    }
    this.loadCarer(carerId, at);
    this.changed('carers', carerId);
    this.counted('carersPerMonth');
  }

  response(
    event: Pick<RecordedEvent, 'id' | 'occurredAt' | 'position'>,
    kind: ResponseKind,
    numerator: number,
    denominator: number,
  ): void {
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
    this.counted('responses');
  }

  // ------------------------------------------------------------------ raising and resolving

  /**
   * Judges a rule of the project's state and clock, unless neither the parts it reads nor the open
   * warnings changed since it was last judged, and the clock did not reach the moment the rule said
   * its verdicts stand until (`RuleMoment.standsUntil`; without it, any later clock): a rule is pure,
   * so it would give the verdicts it gave then, which are applied already (raising an open warning
   * again or resolving a resolved one changes nothing). Most events move neither the clock past a
   * deadline nor what most rules read, and judging every rule on every event was most of the
   * projection's time.
   */
  judgeOnChange(rule: StateRule, trigger: Trigger): void {
    const last = this.judgedAt.get(rule);
    const clockMovedPastIt = last !== undefined && trigger.clock !== last.clock && trigger.clock >= last.until;
    if (last && !clockMovedPastIt && !this.changedSince(rule, last.changes)) return;
    trigger.until = null;
    this.judge(rule.check(this, trigger), trigger);
    this.judgedAt.set(rule, { changes: this.changes, clock: trigger.clock, until: trigger.until ?? trigger.clock });
  }

  private changedSince(rule: StateRule, changes: number): boolean {
    if (this.changedAt.open > changes) return true;
    for (const part of rule.reads) if (this.changedAt[part] > changes) return true;
    return false;
  }

  /** Applies a rule's verdicts, in order. */
  judge(verdicts: readonly Verdict[], trigger: Trigger): void {
    for (const verdict of verdicts) {
      if ('raise' in verdict) this.raise(verdict.raise, trigger);
      else this.resolve(verdict.resolve, trigger);
    }
  }

  /** Opens a warning, or, when one is already open for the subject, refreshes what it says. */
  private raise(spec: WarningSpec, trigger: Trigger): void {
    const key = subjectKey(spec.rule, spec.subjectType, spec.subjectId);
    const open = this.open.get(key);
    if (open) {
      const changed =
        open.severity !== spec.severity ||
        open.message !== spec.message ||
        // Compared as values, without serialising both on every event the rule is judged on.
        !equal(open.details, spec.details) ||
        !equal(open.related_ids, spec.relatedIds);
      if (changed) {
        this.counted('open');
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
    this.counted('open');
  }

  private resolve(key: string, trigger: Trigger): void {
    const open = this.open.get(key);
    if (!open) return;
    open.resolved_at = iso(trigger.occurredAt);
    open.resolved_recorded_at = trigger.event.recordedAt.toISOString();
    open.resolved_by_event_id = trigger.event.id;
    this.open.delete(key);
    this.written.set(open.id, open);
    this.counted('open');
  }
}

/** The event being judged: when it occurred, the project's clock, and how many warnings it raised so far. */
export class Trigger implements RuleMoment {
  ordinal = 0;
  /** The earliest clock at which the rule being judged said its verdicts could change (null: not said). */
  until: number | null = null;
  readonly eventId: string;
  readonly occurredAt: number;
  constructor(
    readonly event: RecordedEvent,
    readonly clock: number,
  ) {
    this.eventId = event.id;
    this.occurredAt = event.occurredAt.getTime();
  }

  standsUntil(clock: number): void {
    this.until = Math.min(this.until ?? Infinity, clock);
  }
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
