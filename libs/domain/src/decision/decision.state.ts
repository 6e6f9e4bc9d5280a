export type DecisionState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'taken' | 'contested' | 'revised';
      readonly projectId: string;
      readonly description: string;
      readonly carersConsulted: boolean;
    };
