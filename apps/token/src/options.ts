import { parseArgs } from 'node:util';
import { actsForOrganisation, DEV_TOKEN_TTL_SECONDS, isRole, PRINCIPAL_ID, ROLES, type Principal } from '#auth';

export const USAGE = `Usage: npm run token -- --role <${ROLES.join('|')}> [--org <organisationId>] [--sub <id>] [--ttl <seconds>]

Issues a development token signed with this installation's secret (JWT_SECRET, or the one
created under DATA_DIR). Providers, researchers and analysts need --org; a carer's --sub is
their carer id. The token is printed alone on the last line.`;

export class UsageError extends Error {}

export interface TokenOptions {
  readonly principal: Principal;
  readonly ttlSeconds: number;
}

export function parseOptions(argv: readonly string[]): TokenOptions {
  let values: { role?: string; org?: string; sub?: string; ttl?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        role: { type: 'string' },
        org: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  const role = values.role;
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (values.org !== undefined && !PRINCIPAL_ID.test(values.org))
    throw new UsageError('--org must be an organisation id (letters, digits, _ . : -)');
  if (values.org === undefined && actsForOrganisation(role))
    throw new UsageError(`--org is required for ${role === 'analyst' ? 'an' : 'a'} ${role}`);
  const sub = values.sub ?? `dev-${role}`;
  if (!PRINCIPAL_ID.test(sub)) throw new UsageError('--sub must be an id (letters, digits, _ . : -)');
  const ttl = values.ttl === undefined ? DEV_TOKEN_TTL_SECONDS : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 30 * 86_400)
    throw new UsageError('--ttl must be a whole number of seconds from 60 to 2592000');
  return {
    principal: { id: sub, role, ...(values.org !== undefined ? { organisationId: values.org } : {}) },
    ttlSeconds: ttl,
  };
}
