export type SuggestionState =
  | { readonly status: 'unknown' }
  | { readonly status: 'made' | 'adopted' | 'declined' | 'implemented'; readonly projectId: string };
