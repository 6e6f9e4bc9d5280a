import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, float, int, text, textOrNull } from '../read-side/row-values.js';
import type { Project } from './project.models.js';

export const toProject = (row: DirectoryRow): Project => ({
  id: text(row.project_id),
  name: text(row.name),
  programmeId: textOrNull(row.programme_id),
  territoryId: text(row.territory_id),
  phase: text(row.phase),
  phaseStartedAt: date(row.phase_started_at),
  eligibleCarers: int(row.eligible_carers),
  pilotMonths: int(row.pilot_months),
  pilotExtensions: int(row.pilot_extensions),
  startsOn: text(row.starts_on),
  launchedAt: date(row.launched_at),
  targets: {
    reachShare: float(row.target_reach_share),
    trainingCoursesPerMonth: int(row.target_training_courses_per_month),
    peerMeetingsPerMonth: int(row.target_peer_meetings_per_month),
    committeeEveryMonths: int(row.target_committee_every_months),
    satisfactionThreshold: float(row.target_satisfaction_threshold),
    understandingThreshold: float(row.target_understanding_threshold),
  },
  targetsRevisions: int(row.targets_revisions),
  committeeSelfOrganising: row.committee_self_organising_at !== null,
  committeeSelfOrganisingAt: dateOrNull(row.committee_self_organising_at),
});
