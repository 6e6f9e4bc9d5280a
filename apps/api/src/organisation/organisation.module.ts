import { Module } from '@nestjs/common';
import { OrganisationResolver } from './organisation.resolver.js';

/** GraphQL mutations of the organisation aggregate. */
@Module({ providers: [OrganisationResolver] })
export class OrganisationModule {}
