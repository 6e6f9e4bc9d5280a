import { Module } from '@nestjs/common';

/** GraphQL mutations of the organisation aggregate (resolver added in its own change). */
@Module({})
export class OrganisationModule {}
