/** What an id the platform accepts looks like: 1 to 100 letters, digits, `_ - . :` (UUIDs and readable ids alike). */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The one wording of a refused id, for input validation and readers alike. */
export const idMessage = (field: string): string => `${field} must be an id of 1 to 100 letters, digits, _ - . :`;
