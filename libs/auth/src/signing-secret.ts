import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '#config';

const DEV_SECRET_FILE = 'dev-jwt-secret';

/**
 * The HS256 secret the platform signs and verifies its own tokens with. Production must set
 * JWT_SECRET (the config refuses to boot otherwise). Elsewhere a random secret is created once
 * under DATA_DIR, so `npm start` and `npm run token` agree without anyone choosing a secret, and
 * no well-known secret ever exists in the repository.
 */
export function signingSecret(config: Pick<AppConfig, 'auth' | 'dataDir' | 'environment'>): string {
  if (config.auth.secret) return config.auth.secret;
  if (config.environment === 'production') throw new Error('JWT_SECRET is required in production');
  const file = join(config.dataDir, DEV_SECRET_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': if another process created it first, keep theirs.
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
