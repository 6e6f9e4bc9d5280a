import { registerEnumType } from '@nestjs/graphql';

/** Builds a GraphQL enum from a domain `as const` list, so the domain stays the single source. */
export function enumFromValues<T extends string>(name: string, values: readonly T[], description?: string) {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
