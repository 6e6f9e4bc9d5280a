/**
 * A directory row's values, as the driver returns them, in the API's types: the features' mappers
 * build their GraphQL objects with these.
 */

export const text = (value: unknown) => value as string;
export const textOrNull = (value: unknown) => (value ?? null) as string | null;
export const int = (value: unknown) => Number(value);
export const intOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
export const float = (value: unknown) => Number(value);
export const date = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
export const dateOrNull = (value: unknown) => (value === null || value === undefined ? null : date(value));
export const bool = (value: unknown) => value === true;
export const boolOrNull = (value: unknown) => (value === null || value === undefined ? null : value === true);
