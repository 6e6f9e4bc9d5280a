import type { ProjectPhase } from './project.events.js';

export type ProjectState =
  | { readonly status: 'unknown' }
  | { readonly status: 'launched'; readonly phase: ProjectPhase; readonly pilotMonths: number };
