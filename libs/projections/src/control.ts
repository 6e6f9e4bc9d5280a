import type { SqlDatabase } from '#database';

/** Channel on which admin actions tell the projector process to look at `projection_runs` again. */
export const CONTROL_CHANNEL = 'projection_control';

export async function notifyControl(database: SqlDatabase): Promise<void> {
  await database.query('select pg_notify($1, $2)', [CONTROL_CHANNEL, '']);
}
