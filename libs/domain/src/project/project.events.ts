import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const PROJECT_PHASES = ['co_design', 'pilot', 'co_assessment', 'closed'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/** What the partnership commits to up front; the assessment report checks each line against it. */
export interface ProjectTargets {
  /** Share of the eligible carers to reach, e.g. 1/3. */
  readonly reachShare: number;
  readonly trainingCoursesPerMonth: number;
  readonly peerMeetingsPerMonth: number;
  /** A citizens' committee meeting every N months. */
  readonly committeeEveryMonths: number;
  /** Normalised satisfaction (answer / scale maximum) to stay above, e.g. 0.75. */
  readonly satisfactionThreshold: number;
  /** Share of correct post-course quiz answers to stay above, e.g. 0.75. */
  readonly understandingThreshold: number;
}

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type ProjectCharter = {
  projectId: string;
  programmeId: string | null;
  territoryId: string;
  name: string;
  eligibleCarers: number;
  pilotMonths: number;
  startsOn: string;
  targets: ProjectTargets;
};

export type ProjectLaunched = DomainEvent<'ProjectLaunched', ProjectCharter>;

export type ProjectPhaseStarted = DomainEvent<'ProjectPhaseStarted', { projectId: string; phase: ProjectPhase }>;

export type PilotExtended = DomainEvent<
  'PilotExtended',
  { projectId: string; additionalMonths: number; pilotMonths: number; reason: string }
>;

export type ProjectTargetsRevised = DomainEvent<
  'ProjectTargetsRevised',
  { projectId: string; targets: ProjectTargets; reason: string }
>;

export type ProjectEvent = ProjectLaunched | ProjectPhaseStarted | PilotExtended | ProjectTargetsRevised;

/** Every type of ProjectEvent, at runtime (the compiler keeps it complete). */
export const PROJECT_EVENT_TYPES = eventTypesOf<ProjectEvent>({
  ProjectLaunched: true,
  ProjectPhaseStarted: true,
  PilotExtended: true,
  ProjectTargetsRevised: true,
});
