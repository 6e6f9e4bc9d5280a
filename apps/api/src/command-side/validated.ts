import { type ArgumentMetadata, type PipeTransform, ValidationPipe, type Type } from '@nestjs/common';

/**
 * Validation for a nullable input argument (`filter: XFilterInput | null`). TypeScript records
 * such a parameter's type as `Object`, so the global ValidationPipe would let it through
 * unchecked; this pipe names the class, with the same rules (unknown fields refused). An absent
 * argument stays absent.
 */
export function validated(type: Type<unknown>): PipeTransform {
  const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, expectedType: type });
  return {
    transform: (value: unknown, metadata: ArgumentMetadata) =>
      value === null || value === undefined ? value : pipe.transform(value, metadata),
  };
}
