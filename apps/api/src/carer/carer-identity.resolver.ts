import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { CarerKeyVault } from '#privacy';
import { encryptedPersonalDataOf } from '#read-models/directory';
import { principalOf, type RequestContext } from '../auth/graphql-request.js';
import { ProjectAccess } from '../auth/project-access.js';
import { Carer, CarerErasureRecord, CarerPersonalData } from './carer.models.js';

/**
 * The only place a carer's identifying data leaves the platform, wherever the carer appears in a
 * query (by id, in a project's carers, as a suggestion's author...): decrypted for the carer and
 * for the provider organisation that registered them, null for everyone else and after erasure.
 */
@Resolver(() => Carer)
export class CarerIdentityResolver {
  constructor(
    private readonly access: ProjectAccess,
    private readonly vault: CarerKeyVault,
    @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase,
  ) {}

  @ResolveField(() => CarerPersonalData, {
    nullable: true,
    description:
      'Name and contact: only for the carer and the provider organisation that registered them; null for every other caller and once erased.',
  })
  async personalData(@Parent() carer: Readonly<Carer>, @Context() context: RequestContext) {
    const principal = principalOf(context);
    if (carer.erased || !(await this.access.mayIdentify(principal, carer.id, carer.registeredByOrganisationId)))
      return null;
    const envelope = await encryptedPersonalDataOf(this.database, carer.id);
    if (!envelope) return null;
    const data = await this.vault.decrypt(carer.id, envelope);
    return data === 'erased' ? null : data;
  }

  @ResolveField(() => CarerErasureRecord, {
    nullable: true,
    description: 'Who erased the carer and when (admins only; null for others and for carers not erased).',
  })
  async erasure(@Parent() carer: Readonly<Carer>, @Context() context: RequestContext) {
    if (!carer.erased || principalOf(context).role !== 'admin') return null;
    return this.vault.erasure(carer.id);
  }
}
