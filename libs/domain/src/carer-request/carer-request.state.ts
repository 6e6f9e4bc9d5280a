export type CarerRequestState =
  { readonly status: 'unknown' } | { readonly status: 'made' | 'met' | 'declined'; readonly projectId: string };
