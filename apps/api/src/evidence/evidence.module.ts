import { Module } from '@nestjs/common';

/** GraphQL mutations of the evidence aggregate (resolver added in its own change). */
@Module({})
export class EvidenceModule {}
