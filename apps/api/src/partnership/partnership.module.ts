import { Module } from '@nestjs/common';
import { PartnershipResolver } from './partnership.resolver.js';

/** GraphQL mutations of the partnership aggregate. */
@Module({ providers: [PartnershipResolver] })
export class PartnershipModule {}
