import { evidenceAggregate, type EvidencePhase, type InterviewMode } from '#domain';
import { addDays, addHours, atTime, between } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Random } from '../random.js';
import { REFLEXIVE_NOTES } from '../texts.js';
import type { Member, PilotWorld, PlannedCarer } from '../world.js';
import { codeObservation, pickTemplate, providerSpeaker, type PlannedObservation, type Speaker } from './coding.js';
import type { Theme } from './observation-library.js';

/**
 * Semi-structured interviews (mid-pilot with a few carers; in co-assessment with carers,
 * including one who left, and providers) and the researchers' reflexive notes every six weeks,
 * each coded against the taxonomies. A few notes are the first record of a barrier.
 */
export function planEvidence(world: PilotWorld, carers: readonly PlannedCarer[]): PlannedObservation[] {
  const rng = world.rng.fork('evidence');
  return [...planInterviews(world, carers, rng.fork('interviews')), ...planNotes(world, rng.fork('notes'))];
}

function phaseOn(world: PilotWorld, date: Date): EvidencePhase {
  const { timeline } = world;
  if (date.getTime() < timeline.pilotStart.getTime()) return 'co_design';
  return date.getTime() < timeline.pilotEnd.getTime() ? 'pilot' : 'co_assessment';
}

function planInterviews(world: PilotWorld, carers: readonly PlannedCarer[], r: Random): PlannedObservation[] {
  const { timeline, cast } = world;
  const observations: PlannedObservation[] = [];
  const came = (c: PlannedCarer, before: Date) => c.attended.filter((d) => d.getTime() < before.getTime()).length >= 2;
  const midFrom = timeline.at(0.42);
  const midTo = timeline.at(0.5);
  const finalFrom = addDays(timeline.pilotEnd, 7);
  const finalTo = addDays(timeline.end, -7);

  const mid = r.sample(
    carers.filter((c) => came(c, midFrom) && (c.withdrawnAt === null || c.withdrawnAt.getTime() > midTo.getTime())),
    5,
  );
  const stayed = carers.filter((c) => came(c, timeline.pilotEnd) && !mid.includes(c));
  const final = r.sample(stayed, 8);
  const left = r.sample(
    carers.filter((c) => c.droppedOffAt !== null && c.attended.length > 0 && !final.includes(c) && !mid.includes(c)),
    1,
  );
  let n = 0;
  const interview = (who: NonNullable<Speaker>, from: Date, to: Date, themes: readonly Theme[]) => {
    n++;
    const at = atTime(between(from, to, r.next()), r.int(9, 16), r.int(0, 59));
    const key = `interview:${n}`;
    const evidenceId = world.ids.uuid(`evidence:${key}`);
    const carer = who.role === 'carer';
    const mode: InterviewMode = carer
      ? r.weighted([
          ['face_to_face', 0.6],
          ['telephone', 0.4],
        ] as const)
      : r.weighted([
          ['face_to_face', 0.5],
          ['video_call', 0.3],
          ['telephone', 0.2],
        ] as const);
    world.plan.add(
      evidenceAggregate,
      at,
      r.pick([...cast.instituteResearchers, ...cast.universityResearchers]).actor,
      key,
      checkingProject(world.projectId, {
        type: 'RecordInterview',
        data: {
          evidenceId,
          projectId: world.projectId,
          intervieweeRole: who.role,
          // Pseudonymous references: the carer's id or the member's id, never a name.
          intervieweeRef: carer ? who.carer.id : who.member.id,
          durationMinutes: carer ? r.int(25, 70) : r.int(40, 90),
          mode,
          phase: phaseOn(world, at),
        },
      }),
    );
    const codedAt = addDays(at, r.int(4, 12));
    const count = r.int(1, 3);
    for (let index = 1; index <= count; index++) {
      observations.push(
        codeObservation(
          world,
          { key, evidenceId },
          index,
          addHours(codedAt, index),
          pickTemplate(themes, who, r),
          who,
          r,
        ),
      );
    }
  };
  for (const carer of mid)
    interview({ role: 'carer', carer }, midFrom, midTo, ['respite', 'language', 'mobility', 'negative', 'positive']);
  for (const carer of [...final, ...left])
    interview({ role: 'carer', carer }, finalFrom, finalTo, ['positive', 'negative', 'trust', 'engagement']);
  const providers: Member[] = [
    cast.agencyCoordinator,
    cast.psychologists[1],
    cast.facilitator,
    cast.facilityCoordinators[0],
  ];
  for (const member of providers) {
    const speaker = providerSpeaker(world, member);
    if (speaker) interview(speaker, finalFrom, finalTo, ['partnership', 'funding', 'negative']);
  }
  return observations;
}

/** Themes a note may touch, by phase; anchors are the notes that first record a barrier. */
const NOTE_THEMES: Record<EvidencePhase, readonly Theme[]> = {
  co_design: ['trust', 'partnership'],
  pilot: ['partnership', 'mobility', 'language', 'funding', 'negative', 'positive'],
  co_assessment: ['negative', 'positive', 'partnership'],
};

function planNotes(world: PilotWorld, r: Random): PlannedObservation[] {
  const { timeline, cast } = world;
  const authors = [...cast.universityResearchers, ...cast.instituteResearchers];
  const observations: PlannedObservation[] = [];
  const used: Record<EvidencePhase, number> = { co_design: 0, pilot: 0, co_assessment: 0 };
  let n = 0;
  const note = (at: Date, themes: readonly Theme[]) => {
    n++;
    const key = `note:${n}`;
    const evidenceId = world.ids.uuid(`evidence:${key}`);
    const phase = phaseOn(world, at);
    const texts = REFLEXIVE_NOTES[phase];
    world.plan.add(
      evidenceAggregate,
      at,
      authors[n % authors.length]!.actor,
      key,
      checkingProject(world.projectId, {
        type: 'RecordReflexiveNote',
        data: {
          evidenceId,
          projectId: world.projectId,
          authorMemberId: authors[n % authors.length]!.id,
          phase,
          text: texts[used[phase]++ % texts.length]!,
        },
      }),
    );
    themes.forEach((theme, index) =>
      observations.push(
        codeObservation(
          world,
          { key, evidenceId },
          index + 1,
          addDays(at, 2 + index),
          pickTemplate([theme], null, r),
          null,
          r,
        ),
      ),
    );
  };
  // Anchors: the note where the team first wrote a barrier down.
  const { milestones } = timeline;
  note(atTime(addDays(milestones.rolesFoundUnclear, 1), 18), ['partnership']);
  note(atTime(addDays(timeline.pilotStart, 15), 18), ['language']);
  note(atTime(timeline.at(0.14), 18), ['funding']);
  // Then one every six weeks or so, sometimes coded, sometimes not.
  for (
    let at = addDays(timeline.launch, 10);
    at.getTime() < addDays(timeline.end, -5).getTime();
    at = addDays(at, r.int(35, 49))
  ) {
    const phase = phaseOn(world, at);
    note(atTime(at, 19), r.chance(0.6) ? [r.pick(NOTE_THEMES[phase])] : []);
  }
  return observations;
}
