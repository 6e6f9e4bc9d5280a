import type { SignalFramework } from '#read-models/signals';
import type { Plan } from './plan.js';
import type { Organisation } from './world.js';

/** One pilot of a run, as a user needs it to start querying: ids, the agency, who to act as. */
export interface DemoPilot {
  readonly projectId: string;
  readonly projectName: string;
  readonly territoryId: string;
  readonly agency: Organisation;
  readonly facilities: readonly Organisation[];
  /** Member ids, used as token subjects (`--sub`). */
  readonly coordinator: string;
  readonly researcher: string;
  /** A carer who joined and stayed, to try the carer's view; null if the pilot has none. */
  readonly carer: string | null;
}

export interface DemoDirectory {
  readonly programme: { readonly id: string; readonly name: string } | null;
  readonly university: Organisation;
  /** The run's administrator (a university member). */
  readonly admin: string;
  readonly pilots: readonly DemoPilot[];
}

export interface ScenarioPlan {
  readonly plans: Plan[];
  readonly directory: DemoDirectory;
  /** The territories' own framework versions, registered before the commands run. */
  readonly frameworks: readonly SignalFramework[];
}

const TOKEN = 'npm run -s token --';

/** The ids a user needs, as `--json` prints them, and a ready-to-paste token command per role. */
export interface DemoIds {
  readonly programmeId: string | null;
  readonly territoryId: string;
  readonly projectId: string;
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly tokenCommands: Readonly<Record<'provider' | 'researcher' | 'analyst' | 'carer' | 'admin', string | null>>;
}

export function demoIds(directory: DemoDirectory): DemoIds | null {
  const first = directory.pilots[0];
  if (!first) return null;
  const university = directory.university.id;
  return {
    programmeId: directory.programme?.id ?? null,
    territoryId: first.territoryId,
    projectId: first.projectId,
    organisations: [directory.university, first.agency, ...first.facilities].map(({ id, name }) => ({ id, name })),
    tokenCommands: {
      provider: `${TOKEN} --role provider --org ${first.agency.id} --sub ${first.coordinator}`,
      researcher: `${TOKEN} --role researcher --org ${university} --sub ${first.researcher}`,
      analyst: `${TOKEN} --role analyst --org ${university}`,
      carer: first.carer ? `${TOKEN} --role carer --sub ${first.carer}` : null,
      admin: `${TOKEN} --role admin --sub ${directory.admin}`,
    },
  };
}

/**
 * What `seed:demo` prints last: the ids of the first pilot and a token command per role, so a user
 * goes from seeding to a first query without reading the event log.
 */
export function formatDirectory(directory: DemoDirectory): string {
  const ids = demoIds(directory);
  if (!ids) return '';
  const first = directory.pilots[0]!;
  const others = directory.pilots.slice(1);
  return [
    'Demo ids',
    ...(directory.programme ? [`  programme     ${directory.programme.id}  (${directory.programme.name})`] : []),
    `  territory     ${ids.territoryId}`,
    `  project       ${ids.projectId}  (${first.projectName})`,
    ...ids.organisations.map((org) => `  organisation  ${org.id}  (${org.name})`),
    ...(others.length > 0
      ? [`  more projects ${others.map((pilot) => `${pilot.projectId} (${pilot.territoryId})`).join(', ')}`]
      : []),
    '',
    'A token per role (the token is the last line printed; `| tail -n 1` keeps just it):',
    ...Object.entries(ids.tokenCommands)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([role, command]) => `  ${role.padEnd(11)} ${command}`),
    '',
    'Start the API (npm start) and send a token as the header `authorization: Bearer <token>`.',
    '',
  ].join('\n');
}
