/** What an id the platform accepts looks like: 1 to 100 letters, digits, `_ - . :` (UUIDs and readable ids alike). */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
