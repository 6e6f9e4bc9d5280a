import type { PlatformEvent, ProjectTargets } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/** A project's current state: phase, pilot length and targets (the latest revision), plus the committee's status. */
export const projectsTable = defineTable({
  name: 'rm_projects',
  key: ['project_id'],
  columns: {
    project_id: required('text'),
    programme_id: optional('text'),
    territory_id: required('text'),
    name: required('text'),
    phase: withDefault('text', 'co_design'),
    phase_started_at: required('timestamptz'),
    eligible_carers: required('integer'),
    pilot_months: required('integer'),
    pilot_extensions: counter(),
    starts_on: required('text'),
    launched_at: required('timestamptz'),
    /** The organisation of whoever launched it: a member of the project, like its partners. */
    launched_by_organisation_id: optional('text'),
    target_reach_share: required('double precision'),
    target_training_courses_per_month: required('integer'),
    target_peer_meetings_per_month: required('integer'),
    target_committee_every_months: required('integer'),
    target_satisfaction_threshold: required('double precision'),
    target_understanding_threshold: required('double precision'),
    targets_revisions: counter(),
    committee_self_organising_at: optional('timestamptz'),
  },
  indexes: [
    ['name', 'project_id'],
    ['programme_id', 'territory_id'],
  ],
});

const targetColumns = (targets: ProjectTargets) => ({
  target_reach_share: targets.reachShare,
  target_training_courses_per_month: targets.trainingCoursesPerMonth,
  target_peer_meetings_per_month: targets.peerMeetingsPerMonth,
  target_committee_every_months: targets.committeeEveryMonths,
  target_satisfaction_threshold: targets.satisfactionThreshold,
  target_understanding_threshold: targets.understandingThreshold,
});

export const projectsArea: DirectoryArea = {
  tables: [projectsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    ProjectLaunched: ({ data, occurredAt, metadata }, batch) =>
      batch.to(projectsTable).upsert(
        { project_id: data.projectId },
        {
          programme_id: data.programmeId,
          territory_id: data.territoryId,
          name: data.name,
          phase: 'co_design',
          phase_started_at: occurredAt.toISOString(),
          eligible_carers: data.eligibleCarers,
          pilot_months: data.pilotMonths,
          starts_on: data.startsOn,
          launched_at: occurredAt.toISOString(),
          launched_by_organisation_id: metadata.actor.organisationId ?? null,
          ...targetColumns(data.targets),
        },
      ),
    ProjectPhaseStarted: ({ data, occurredAt }, batch) =>
      batch
        .to(projectsTable)
        .patch({ project_id: data.projectId }, { phase: data.phase, phase_started_at: occurredAt.toISOString() }),
    PilotExtended: ({ data }, batch) => {
      const projects = batch.to(projectsTable);
      projects.patch({ project_id: data.projectId }, { pilot_months: data.pilotMonths });
      projects.add({ project_id: data.projectId }, { pilot_extensions: 1 });
    },
    ProjectTargetsRevised: ({ data }, batch) => {
      const projects = batch.to(projectsTable);
      projects.patch({ project_id: data.projectId }, targetColumns(data.targets));
      projects.add({ project_id: data.projectId }, { targets_revisions: 1 });
    },
  }),
};
