import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { ReasonExtensions } from '#domain';
import { actsForOrganisation, DEV_TOKEN_TTL_SECONDS, isRole, PRINCIPAL_ID, ROLES, TokenIssuer } from '#auth';
import { devTokenReason } from './dev-token.reasons.js';

/**
 * `POST /auth/dev-token` `{ role, organisationId?, subject? }`: a token signed with this
 * installation's secret, like `npm run token`, so the dashboard can offer "pick a role and an
 * organisation" while developing. Registered only outside production (see WebModule); anyone who
 * can reach it can act as anyone, which is what a development machine is for and never a server.
 */
@Controller('auth')
export class DevTokenController {
  constructor(private readonly issuer: TokenIssuer) {}

  /** Lets the dashboard ask whether to offer the development sign-in (404 where it is off). */
  @Get('dev-token')
  available() {
    return { available: true };
  }

  @Post('dev-token')
  @HttpCode(200)
  async issue(@Body() body: unknown) {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const { role, organisationId, subject } = request;
    if (!isRole(role)) throw refusal(devTokenReason('ROLE_INVALID'), `role must be one of ${ROLES.join(', ')}`);
    if (organisationId !== undefined && (typeof organisationId !== 'string' || !PRINCIPAL_ID.test(organisationId)))
      throw refusal(
        devTokenReason('ORGANISATION_INVALID'),
        'organisationId must be an organisation id (letters, digits, _ . : -)',
      );
    if (organisationId === undefined && actsForOrganisation(role))
      throw refusal(devTokenReason('ORGANISATION_REQUIRED'), `a ${role} acts for an organisation: send organisationId`);
    const id = subject === undefined ? `dev-${role}` : subject;
    if (typeof id !== 'string' || !PRINCIPAL_ID.test(id))
      throw refusal(devTokenReason('SUBJECT_INVALID'), 'subject must be an id (letters, digits, _ . : -)');
    const { token, expiresAt } = await this.issuer.issue(
      { id, role, ...(organisationId ? { organisationId } : {}) },
      DEV_TOKEN_TTL_SECONDS,
    );
    return { accessToken: token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }
}

function refusal(coded: ReasonExtensions, message: string): BadRequestException {
  return new BadRequestException({ error: { ...coded, message } });
}
