import { ValidationPipe, type Type } from '@nestjs/common';

/**
 * Validation for a nullable input argument (`filter: XFilterInput | null`). TypeScript records
 * such a parameter's type as `Object`, so the global ValidationPipe would let it through
 * unchecked; this pipe names the class, with the same rules (unknown fields refused).
 */
export function validated(type: Type<unknown>): ValidationPipe {
  return new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, expectedType: type });
}
