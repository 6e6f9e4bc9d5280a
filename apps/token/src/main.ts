import { ConfigError, loadConfig } from '#config';
import { signingSecret, TokenIssuer } from '#auth';
import { parseOptions, USAGE, UsageError } from './options.js';

/** `npm run token -- --role analyst --org <id>`: a development token, alone on the last line. Exit 2 on bad flags, 1 on bad configuration. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const issuer = new TokenIssuer(signingSecret(config), config.auth);
  const { token, expiresAt } = await issuer.issue(options.principal, options.ttlSeconds);
  const { id, role, organisationId } = options.principal;
  process.stderr.write(
    `Token for ${id} (${role}${organisationId ? ` of ${organisationId}` : ''}), valid until ${expiresAt.toISOString()}.\n` +
      `Send it as: Authorization: Bearer <token>\n`,
  );
  process.stdout.write(`${token}\n`);
}

void main();
