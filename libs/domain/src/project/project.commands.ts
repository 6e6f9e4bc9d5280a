import type { DomainCommand } from '../shared/decider.js';
import type { ProjectPhase, ProjectTargets } from './project.events.js';

export type LaunchProject = DomainCommand<
  'LaunchProject',
  {
    projectId: string;
    programmeId: string | null;
    territoryId: string;
    name: string;
    eligibleCarers: number;
    pilotMonths: number;
    startsOn: string;
    targets: ProjectTargets;
  }
>;

export type StartProjectPhase = DomainCommand<'StartProjectPhase', { projectId: string; phase: ProjectPhase }>;

export type ExtendPilot = DomainCommand<'ExtendPilot', { projectId: string; additionalMonths: number; reason: string }>;

export type ReviseProjectTargets = DomainCommand<
  'ReviseProjectTargets',
  { projectId: string; targets: ProjectTargets; reason: string }
>;

export type ProjectCommand = LaunchProject | StartProjectPhase | ExtendPilot | ReviseProjectTargets;
