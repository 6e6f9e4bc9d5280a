import { Module } from '@nestjs/common';

/** GraphQL mutations of the partnership aggregate (resolver added in its own change). */
@Module({})
export class PartnershipModule {}
