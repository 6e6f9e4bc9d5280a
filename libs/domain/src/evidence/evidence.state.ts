import type { EvidenceKind, EvidencePhase } from './evidence.events.js';

export type EvidenceState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'recorded';
      readonly projectId: string;
      readonly kind: EvidenceKind;
      readonly phase: EvidencePhase;
      readonly observationIds: readonly string[];
    };
