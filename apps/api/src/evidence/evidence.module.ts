import { Module } from '@nestjs/common';
import { EvidenceResolver } from './evidence.resolver.js';

/** GraphQL mutations of the evidence aggregate. */
@Module({ providers: [EvidenceResolver] })
export class EvidenceModule {}
