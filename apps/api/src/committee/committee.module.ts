import { Module } from '@nestjs/common';
import { CommitteeResolver } from './committee.resolver.js';

/** GraphQL mutations of the committee aggregate. */
@Module({ providers: [CommitteeResolver] })
export class CommitteeModule {}
