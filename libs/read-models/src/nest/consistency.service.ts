import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { parsePosition } from '#event-store';
import { waitForPosition } from '#projections';
import { consistencyReason } from './consistency.reasons.js';

/** How long a query may wait for the projections to reach a consistency token. */
export const CONSISTENCY_TIMEOUT_MS = 5_000;

/**
 * Read-your-writes: a query given the `position` a mutation returned waits, bounded, until the
 * projections have processed it. It reads the checkpoints, so it works whether the projector
 * runs in this process or elsewhere.
 */
@Injectable()
export class ConsistencyService {
  constructor(@Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase) {}

  async atLeast(token: string | null | undefined, projections?: readonly string[]): Promise<void> {
    if (!token) return;
    const position = parsePosition(token);
    if (!position) {
      throw new GraphQLError('atLeastPosition must be a position returned by a mutation, like "1234-56"', {
        extensions: consistencyReason('INVALID_POSITION'),
      });
    }
    const reached = await waitForPosition(this.database, position, { timeoutMs: CONSISTENCY_TIMEOUT_MS, projections });
    if (!reached) {
      throw new GraphQLError(
        `The read models did not reach position ${token} within ${CONSISTENCY_TIMEOUT_MS} ms; try again`,
        {
          extensions: consistencyReason('PROJECTIONS_BEHIND'),
        },
      );
    }
  }
}
