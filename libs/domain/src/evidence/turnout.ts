import { requireInteger, requireOneOf } from '../shared/guards.js';
import {
  PARTICIPANT_ROLES,
  PILOT_MOMENTS,
  QUOTE_GENDERS,
  type PilotMoment,
  type QuoteGender,
  type RoleInvitations,
  type RoleTurnout,
  type WorkshopParticipants,
} from './evidence.events.js';
import { evidenceError } from './evidence.reasons.js';

/** More people than this in one role of one workshop or round is a typing error, not a study. */
const MAX_PEOPLE = 100_000;

/** The participants' count behind each role a workshop's `participants` counts. */
const PARTICIPANTS_OF = { carer: 'carers', provider: 'providers', researcher: 'researchers' } as const;

/** A moment of the pilot, or null (not recorded) when the command left it out. */
export function optionalPilotMoment(field: string, value: PilotMoment | null | undefined): PilotMoment | null {
  return value === null || value === undefined ? null : requireOneOf(field, value, PILOT_MOMENTS);
}

/** A disclosed gender, or null (not recorded) when the command left it out. */
export function optionalGender(field: string, value: QuoteGender | null | undefined): QuoteGender | null {
  return value === null || value === undefined ? null : requireOneOf(field, value, QUOTE_GENDERS);
}

/** A duration in minutes from 1 to `max`, or null (not recorded) when the command left it out. */
export function optionalDuration(field: string, value: number | null | undefined, max: number): number | null {
  return value === null || value === undefined ? null : requireInteger(field, value, 1, max);
}

function requireEachRoleOnce(roles: readonly string[]): void {
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role)) {
      throw evidenceError('ROLE_COUNTED_TWICE', `The role ${role} is counted more than once`, { role });
    }
    seen.add(role);
  }
}

function validRoleTurnout(line: RoleTurnout, index: number): RoleTurnout {
  const at = `turnout[${index}]`;
  const role = requireOneOf(`${at}.role`, line.role, PARTICIPANT_ROLES);
  const invited = line.invited === null ? null : requireInteger(`${at}.invited`, line.invited, 0, MAX_PEOPLE);
  const tookPart = requireInteger(`${at}.tookPart`, line.tookPart, 0, MAX_PEOPLE);
  const female = requireInteger(`${at}.female`, line.female, 0, MAX_PEOPLE);
  const male = requireInteger(`${at}.male`, line.male, 0, MAX_PEOPLE);
  const other = requireInteger(`${at}.other`, line.other, 0, MAX_PEOPLE);
  if (invited !== null && tookPart > invited) {
    throw evidenceError('TOOK_PART_MORE_THAN_INVITED', `${tookPart} ${role}s took part but ${invited} were invited`, {
      role,
    });
  }
  if (female + male + other > tookPart) {
    throw evidenceError(
      'GENDERS_EXCEED_TOOK_PART',
      `The ${role}s' gender counts add up to ${female + male + other}, more than the ${tookPart} who took part`,
      { role },
    );
  }
  return { role, invited, tookPart, female, male, other };
}

/**
 * A workshop's turnout, checked: each role once, no more took part than were invited, no more
 * genders than people, and the carers', providers' and researchers' counts those of `participants`
 * (a role left out of the turnout took part zero times).
 */
export function validTurnout(
  turnout: readonly RoleTurnout[] | null | undefined,
  participants: WorkshopParticipants,
): RoleTurnout[] | null {
  if (turnout === null || turnout === undefined) return null;
  const lines = turnout.map(validRoleTurnout);
  requireEachRoleOnce(lines.map((line) => line.role));
  for (const [role, field] of Object.entries(PARTICIPANTS_OF)) {
    const tookPart = lines.find((line) => line.role === role)?.tookPart ?? 0;
    if (tookPart !== participants[field]) {
      throw evidenceError(
        'TURNOUT_DISAGREES_WITH_PARTICIPANTS',
        `The turnout says ${tookPart} ${role}s took part, the participants ${participants[field]}`,
        { role },
      );
    }
  }
  return lines;
}

/** A round's invitations, checked: each role once, a count each, someone invited. */
export function validInvitations(invited: readonly RoleInvitations[]): RoleInvitations[] {
  const lines = invited.map((line, index) => ({
    role: requireOneOf(`invited[${index}].role`, line.role, PARTICIPANT_ROLES),
    invited: requireInteger(`invited[${index}].invited`, line.invited, 0, MAX_PEOPLE),
  }));
  requireEachRoleOnce(lines.map((line) => line.role));
  if (lines.every((line) => line.invited === 0)) {
    throw evidenceError('NO_ONE_INVITED', 'A data-collection round invites at least one person', { field: 'invited' });
  }
  return lines;
}
