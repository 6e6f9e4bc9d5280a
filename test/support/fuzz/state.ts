import type { RunningApi } from '../api-process.js';
import { ADMIN, as } from '../auth.js';
import { DEV_ACTOR, launchProject, participatingCarer, trainingCourse } from '../project.js';
import { idKind, POSITION_PREFIX, REF_PREFIX } from './values.js';

/** What a command mutation answers. */
export interface Written {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly eventIds: readonly string[];
  readonly replayed: boolean;
}

const STREAM_KINDS: Array<[string, string]> = [
  ['survey-instrument-', 'instrument'],
  ['information-channel-', 'channel'],
  ['partnership-', 'project'],
  ['committee-', 'project'],
  ['organisation-', 'organisation'],
  ['programme-', 'programme'],
  ['project-', 'project'],
  ['carer-', 'carer'],
  ['activity-', 'activity'],
  ['decision-', 'decision'],
  ['suggestion-', 'suggestion'],
  ['barrier-', 'barrier'],
  ['evidence-', 'evidence'],
];

/** Sub-entities named in a mutation's name: the id such a mutation answers with is theirs. */
const NAMED_KINDS = ['invitation', 'goal', 'meeting', 'concern', 'observation', 'action', 'territory', 'member'];

/**
 * Ids of aggregates and records that exist (or existed), by kind, and positions mutations
 * returned: the fuzz draws valid-looking ids from here, so its commands reach real aggregates.
 */
export class Pools {
  private readonly ids = new Map<string, string[]>();
  private readonly positions: string[] = [];

  add(kind: string, id: unknown): void {
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return;
    const list = this.ids.get(kind) ?? [];
    if (!list.includes(id)) list.push(id);
    this.ids.set(kind, list);
  }

  /** Learns from a successful command: the aggregate it touched, the ids its input named, its position. */
  learn(mutation: string, written: Written, input: unknown): void {
    const stream = STREAM_KINDS.find(([prefix]) => written.streamId.startsWith(prefix));
    if (stream && written.streamId === `${stream[0]}${written.id}`) this.add(stream[1], written.id);
    else {
      const named = NAMED_KINDS.find((kind) => mutation.toLowerCase().includes(kind));
      if (named) this.add(named, written.id);
    }
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      for (const [key, value] of Object.entries(input)) {
        const kind = idKind(key);
        if (kind && typeof value === 'string') this.add(kind, value);
      }
    }
    if (written.position && !this.positions.includes(written.position)) this.positions.push(written.position);
  }

  addPosition(position: string): void {
    if (!this.positions.includes(position)) this.positions.push(position);
  }

  /** A copy of `value` with every placeholder replaced by a known id or position (an unknown kind: a fresh UUID-like id). */
  resolve(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') {
      if (value.startsWith(REF_PREFIX)) {
        const [kind, n] = value.slice(REF_PREFIX.length).split(':') as [string, string];
        const list = this.ids.get(kind);
        if (list && list.length > 0) return list[Number(n) % list.length];
        return `00000000-0000-4000-a000-${String(Number(n)).padStart(12, '0')}`;
      }
      if (value.startsWith(POSITION_PREFIX)) {
        const n = Number(value.slice(POSITION_PREFIX.length));
        return this.positions.length > 0 ? this.positions[n % this.positions.length] : '0-0';
      }
      return value;
    }
    // Placeholders only sit in the shallow, valid parts; deep nesting is left as it is.
    if (value === null || typeof value !== 'object' || depth > 12) return value;
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty keeps an own `__proto__` key an own key, as JSON.parse would.
      Object.defineProperty(copy, key, {
        value: this.resolve(item, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.ids.entries()].map(([kind, list]) => [kind, list.length]));
  }
}

export const PROJECT_ID = '0f0f0f0f-0000-4000-8000-000000000001';
export const OTHER_PROJECT_ID = '0f0f0f0f-0000-4000-8000-000000000002';
export const RESEARCHER = as('researcher-7;researcher;org-university');
export const OTHER_PROVIDER = as('provider-3;provider;org-provider');

const RESULT = '{ id streamId revision position eventIds replayed }';

/**
 * A little valid state for the fuzz to hit: organisations, a programme and territory, two
 * projects, a participating carer, activities, a decision, a suggestion, a barrier, evidence with
 * a coded observation, a channel, a committee goal, a coordination meeting and concern.
 */
export async function seedState(api: RunningApi, pools: Pools): Promise<{ carerId: string }> {
  const send = async (name: string, input: Record<string, unknown>, headers: Record<string, string> = DEV_ACTOR) => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const response = await api.graphql<Record<string, Written>>(
      `mutation Seed($input: ${type}!) { ${name}(input: $input) ${RESULT} }`,
      { input },
      headers,
    );
    const written = response.data?.[name];
    if (response.errors || !written) throw new Error(`seed ${name} failed: ${JSON.stringify(response.errors)}`);
    pools.learn(name, written, input);
    return written;
  };

  for (const [organisationId, kind] of [
    ['org-home-care', 'service_provider'],
    ['org-university', 'university'],
    ['org-provider', 'care_facility'],
    ['org-municipality', 'public_agency'],
  ] as const) {
    await send('registerOrganisation', { organisationId, name: `Organisation ${organisationId}`, kind }, ADMIN);
  }
  await send('launchProgramme', { programmeId: 'programme-valley', name: 'Frail elderly at home' }, ADMIN);
  await send(
    'addTerritory',
    {
      programmeId: 'programme-valley',
      territoryId: 'valley',
      name: 'The valley',
      localGovernance: 'A steering group of the agency and the municipality',
      serviceVariant: 'Training, peer meetings and a citizens committee',
    },
    ADMIN,
  );

  await launchProject(api, PROJECT_ID);
  pools.add('project', PROJECT_ID);
  pools.add('territory', 'valley');
  await send('joinPartnership', { projectId: PROJECT_ID, organisationId: 'org-home-care', partnerRole: 'lead' });
  await send('joinPartnership', {
    projectId: PROJECT_ID,
    organisationId: 'org-university',
    partnerRole: 'research_partner',
  });
  const carerId = await participatingCarer(api, PROJECT_ID, 'Carer 1');
  pools.add('carer', carerId);

  const held = await send('scheduleActivity', trainingCourse(PROJECT_ID));
  await send('holdActivity', {
    activityId: held.id,
    startedAt: '2025-03-01T15:10:00.000Z',
    durationMinutes: 90,
    audioRecorded: false,
  });
  const scheduled = await send('scheduleActivity', {
    projectId: PROJECT_ID,
    kind: 'peer_meeting',
    topic: 'Sharing the load',
    scheduledFor: '2026-12-01T15:00:00.000Z',
    place: 'Library',
    organisingOrganisationId: 'org-home-care',
  });
  await send('registerCarerForActivity', { activityId: scheduled.id, carerId });
  await send(
    'registerSurveyInstrument',
    {
      instrumentId: 'peer-satisfaction-v1',
      name: 'Peer meeting satisfaction',
      measures: 'satisfaction',
      itemCount: 3,
      scale: { minimum: 1, maximum: 4 },
    },
    RESEARCHER,
  );
  await send('takeDecision', {
    projectId: PROJECT_ID,
    description: 'Move the course to Thursdays',
    decidedByRole: 'provider',
    decidedByOrganisationId: 'org-home-care',
    affectsCarers: true,
    carersConsulted: false,
  });
  await send('makeSuggestion', {
    projectId: PROJECT_ID,
    suggestedByRole: 'provider',
    organisationId: 'org-home-care',
    topic: 'training',
    description: 'A course on night-time care',
  });
  await send('observeBarrier', {
    projectId: PROJECT_ID,
    code: 'lack_of_trust',
    description: 'Carers cannot leave the person they care for',
    level: 'citizen',
    stage: 'during',
    taxonomy: 'pilot_barriers',
  });
  await send('registerInformationChannel', { projectId: PROJECT_ID, kind: 'brochure', name: 'Brochure' });
  await send('defineCommitteeGoal', { projectId: PROJECT_ID, goalId: 'goal-1', description: 'Meet every month' });
  await send('planCoordinationMeeting', {
    projectId: PROJECT_ID,
    meetingId: 'meeting-1',
    format: 'in_person',
    scheduledFor: '2025-04-01T10:00:00.000Z',
  });
  await send('raiseCoordinationConcern', {
    projectId: PROJECT_ID,
    concernId: 'concern-1',
    category: 'workload',
    raisedByOrganisationId: 'org-home-care',
    topic: 'Too many meetings',
  });
  const interview = await send(
    'recordInterview',
    {
      projectId: PROJECT_ID,
      durationMinutes: 45,
      intervieweeRef: 'interviewee-1',
      intervieweeRole: 'carer',
      mode: 'face_to_face',
      phase: 'pilot',
    },
    RESEARCHER,
  );
  await send(
    'codeObservation',
    {
      evidenceId: interview.id,
      observationId: 'observation-1',
      code: 'lack_of_trust',
      kind: 'barrier',
      level: 'citizen',
      stage: 'during',
      taxonomy: 'pilot_barriers',
    },
    RESEARCHER,
  );

  // A project the default provider and the researcher are not members of.
  await send(
    'launchProject',
    {
      projectId: OTHER_PROJECT_ID,
      territoryId: 'valley',
      name: 'Facility pilot',
      eligibleCarers: 40,
      pilotMonths: 12,
      startsOn: '2025-06-01',
      targets: {
        reachShare: 0.5,
        trainingCoursesPerMonth: 1,
        peerMeetingsPerMonth: 1,
        committeeEveryMonths: 4,
        satisfactionThreshold: 0.75,
        understandingThreshold: 0.75,
      },
    },
    OTHER_PROVIDER,
  );
  return { carerId };
}
