import type { DomainCommand } from '../shared/decider.js';
import type { ProjectCharter, ProjectPhase, ProjectTargets } from './project.events.js';

export type LaunchProject = DomainCommand<'LaunchProject', ProjectCharter>;

export type StartProjectPhase = DomainCommand<'StartProjectPhase', { projectId: string; phase: ProjectPhase }>;

export type ExtendPilot = DomainCommand<'ExtendPilot', { projectId: string; additionalMonths: number; reason: string }>;

export type ReviseProjectTargets = DomainCommand<
  'ReviseProjectTargets',
  { projectId: string; targets: ProjectTargets; reason: string }
>;

export type ProjectCommand = LaunchProject | StartProjectPhase | ExtendPilot | ReviseProjectTargets;
