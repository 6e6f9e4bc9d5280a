export type InformationChannelState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'retired';
      readonly projectId: string;
      /** ISO instant; a new reading may not start before it. */
      readonly lastPeriodEnd: string | null;
      /** `<providerOrganisationId>/<patientRef>` of every patient already counted. */
      readonly informedPatients: readonly string[];
    };
