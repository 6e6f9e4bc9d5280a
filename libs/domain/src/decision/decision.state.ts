import type { CarerInvolvement } from './carer-involvement.js';

export type DecisionState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'taken' | 'contested' | 'revised';
      readonly projectId: string;
      readonly description: string;
      readonly affectsCarers: boolean;
      readonly carersConsulted: boolean;
      readonly carerInvolvement: CarerInvolvement | null;
    };
