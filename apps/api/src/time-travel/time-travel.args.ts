import { Args } from '@nestjs/graphql';

/**
 * The time-travel arguments of the fact-based queries (signals, signal series and comparisons, the
 * assessment report, the data inventory), declared once so that each says the same thing in the schema.
 */
export const AsOfArg = (): ParameterDecorator =>
  Args('asOf', {
    type: () => Date,
    nullable: true,
    description: 'Only facts that occurred at or before this moment (history as it happened).',
  });

export const KnownAtArg = (): ParameterDecorator =>
  Args('knownAt', {
    type: () => Date,
    nullable: true,
    description: 'Only facts recorded at or before this moment (what the platform knew then).',
  });

/** Read-your-writes: `facts` names the read model the query waits for ("the signal facts"). */
export const AtLeastPositionArg = (facts: string): ParameterDecorator =>
  Args('atLeastPosition', {
    type: () => String,
    nullable: true,
    description: `A position a mutation returned: wait until ${facts} include it.`,
  });
