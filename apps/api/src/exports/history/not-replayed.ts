/**
 * The event types a history export never holds, with the reason (docs): their mutation changes the
 * carer's sealed identity, which lives outside the event log and never leaves the platform, so an
 * import refuses it.
 */
export const NOT_REPLAYED: { readonly [type in 'CarerPersonalDataUpdated']: string } = {
  CarerPersonalDataUpdated:
    "updateCarerPersonalData changes the carer's sealed identity, outside the event log: an import refuses it, and its line would carry personal data.",
};
