import { Module } from '@nestjs/common';
import { DecisionResolver } from './decision.resolver.js';

/** GraphQL mutations of the decision aggregate. */
@Module({ providers: [DecisionResolver] })
export class DecisionModule {}
