import type { EvidenceKind, EvidencePhase } from './evidence.events.js';

export type EvidenceState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'recorded';
      readonly projectId: string;
      readonly kind: EvidenceKind;
      readonly phase: EvidencePhase;
      readonly observationIds: readonly string[];
    }
  /** A data-collection round's stream (collection-round-…): recorded once, nothing is coded in it. */
  | { readonly status: 'round_recorded'; readonly projectId: string };
