import { partnershipAggregate, type CoordinationConcernCategory, type CoordinationMeetingFormat } from '#domain';
import { addDays, addHours, addMonths, atTime, nextWeekday } from '../calendar.js';
import { CONCERNS, MISSED_MEETING_REASONS } from '../texts.js';
import type { Organisation, PilotWorld } from '../world.js';

/**
 * The partners meet monthly, from launch to the end of co-assessment. Most meetings are held;
 * some are missed. Concerns are raised about unclear roles, the meeting format and late news of
 * cancellations, and resolved later; the reminder-call workload is still open at the end.
 */
export function planCoordination(world: PilotWorld): void {
  const rng = world.rng.fork('coordination');
  const { plan, timeline, cast, projectId } = world;
  const { milestones } = timeline;
  const lead = cast.universityCoordinator.actor;
  const share = (s: number) => timeline.at(s).getTime();
  // The format concern is settled at the first meeting after a quarter of the pilot.
  const formatSettled = share(0.25);
  const meetingDates: Date[] = [];

  for (let n = 1; ; n++) {
    const r = rng.fork(`meeting:${n}`);
    const day = atTime(nextWeekday(addMonths(addDays(timeline.launch, 16), n - 1), 3), 14);
    if (day.getTime() > timeline.end.getTime()) break;
    meetingDates.push(day);
    const meetingId = `coordination-${n}`;
    // In-person, as the provider's culture wants, until the format concern is settled; then alternate.
    const format: CoordinationMeetingFormat =
      day.getTime() < formatSettled ? 'in_person' : n % 2 === 0 ? 'video_call' : 'in_person';
    plan.add(partnershipAggregate, addDays(day, -r.int(10, 14)), lead, `${meetingId}:plan`, {
      type: 'PlanCoordinationMeeting',
      data: { projectId, meetingId, scheduledFor: day.toISOString(), format, cadence: 'monthly' },
    });
    let heldOn = day;
    if (r.chance(0.07)) {
      heldOn = addDays(day, 7);
      plan.add(partnershipAggregate, addDays(day, -3), lead, `${meetingId}:reschedule`, {
        type: 'RescheduleCoordinationMeeting',
        data: {
          projectId,
          meetingId,
          scheduledFor: heldOn.toISOString(),
          format: null,
          reason: 'The agency coordinator was covering a shift',
        },
      });
    }
    if (n > 2 && r.chance(0.13)) {
      plan.add(partnershipAggregate, addHours(heldOn, 2), lead, `${meetingId}:missed`, {
        type: 'RecordCoordinationMeetingMissed',
        data: { projectId, meetingId, reason: r.pick(MISSED_MEETING_REASONS) },
      });
      continue;
    }
    // Before roles were clarified the facilities came less often.
    const clarified = heldOn.getTime() >= milestones.rolesClarified.getTime();
    const attending: Organisation[] = [cast.university, cast.agency].concat(
      r.chance(0.8) ? [cast.institute] : [],
      r.chance(clarified ? 0.6 : 0.3) ? [cast.facilityA] : [],
      r.chance(clarified ? 0.5 : 0.25) ? [cast.facilityB] : [],
    );
    const members = attending.flatMap((org) =>
      r.sample(
        org.members.filter((m) => m.role !== 'administrator' && !isAbsentPsychologist(world, m.id, heldOn)),
        r.int(1, 2),
      ),
    );
    plan.add(partnershipAggregate, addHours(heldOn, 2), lead, `${meetingId}:held`, {
      type: 'RecordCoordinationMeetingHeld',
      data: {
        projectId,
        meetingId,
        format: format === 'in_person' && r.chance(0.1) ? 'video_call' : format,
        attendingOrganisationIds: attending.map((org) => org.id),
        attendingMemberIds: members.map((m) => m.id),
        durationMinutes: format === 'video_call' ? r.int(40, 70) : r.int(80, 130),
      },
    });
  }

  const after = (date: Date) => meetingDates.find((d) => d.getTime() > date.getTime()) ?? timeline.end;
  const concern = (
    key: string,
    raisedAt: Date,
    by: Organisation,
    topic: string,
    category: CoordinationConcernCategory,
    resolution: { at: Date; text: string } | null,
  ) => {
    const concernId = `concern-${key}`;
    plan.add(partnershipAggregate, addHours(raisedAt, 3), lead, `concern:${key}:raise`, {
      type: 'RaiseCoordinationConcern',
      data: {
        projectId,
        concernId,
        raisedByOrganisationId: by.id,
        topic,
        category,
      },
    });
    if (resolution) {
      plan.add(partnershipAggregate, addHours(resolution.at, 3), lead, `concern:${key}:resolve`, {
        type: 'ResolveCoordinationConcern',
        data: { projectId, concernId, resolution: resolution.text },
      });
    }
  };
  concern('roles', milestones.rolesFoundUnclear, cast.agency, CONCERNS.unclearRoles, 'unclear_roles', {
    at: after(milestones.rolesClarified),
    text: 'Responsibilities written down: the agency recruits and follows up carers, the university evaluates.',
  });
  concern('format', timeline.at(0.1), cast.institute, CONCERNS.meetingFormat, 'meeting_format', {
    at: new Date(formatSettled),
    text: 'Short video calls alternate with in-person meetings; each meeting opens with a round on what is not working.',
  });
  concern('cancellations', timeline.at(0.2), cast.facilityA, CONCERNS.coordination, 'coordination', {
    at: after(milestones.decisionsRevised),
    text: 'Cancellations are agreed with the committee and sent to every partner the same day.',
  });
  concern('workload', timeline.at(0.55), cast.agency, CONCERNS.workload, 'workload', null);
}

/** The first psychologist leaves mid-pilot, the second arrives then: neither attends when not a member. */
function isAbsentPsychologist(world: PilotWorld, memberId: string, date: Date): boolean {
  const [first, second] = world.cast.psychologists;
  const change = world.timeline.milestones.psychologistChange.getTime();
  return (
    (memberId === first.id && date.getTime() >= change) ||
    (memberId === second.id && date.getTime() < change + 3_600_000)
  );
}
