import { Body, Controller, Headers, HttpCode, HttpException, Post } from '@nestjs/common';
import { ApiKeyStore, AuthenticationError, TokenIssuer } from '#auth';
import { authenticationReason } from './authentication.reasons.js';

/**
 * `POST /auth/token` with `Authorization: ApiKey <key>` (or `{"apiKey": "<key>"}`): exchanges a
 * partner organisation's API key for a short-lived bearer token. Errors use the same codes as
 * the GraphQL API: `{"error": {"code": "UNAUTHENTICATED", "reason": "API_KEY_REVOKED", ...}}`.
 */
@Controller('auth')
export class TokenController {
  constructor(
    private readonly keys: ApiKeyStore,
    private readonly issuer: TokenIssuer,
  ) {}

  @Post('token')
  @HttpCode(200)
  async exchange(@Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    const fromHeader = /^ApiKey\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const fromBody = typeof body === 'object' && body !== null ? (body as { apiKey?: unknown }).apiKey : undefined;
    const key = fromHeader ?? (typeof fromBody === 'string' ? fromBody : undefined);
    try {
      if (!key) throw new AuthenticationError('API_KEY_INVALID', 'Send the key as: Authorization: ApiKey <key>');
      const principal = await this.keys.authenticate(key);
      const { token, expiresAt } = await this.issuer.issue(principal);
      return {
        accessToken: token,
        tokenType: 'Bearer',
        expiresIn: Math.round((expiresAt.getTime() - Date.now()) / 1000),
        expiresAt: expiresAt.toISOString(),
      };
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      throw new HttpException({ error: { ...authenticationReason(error.reason), message: error.message } }, 401);
    }
  }
}
