import { Module } from '@nestjs/common';
import { BarrierResolver } from './barrier.resolver.js';

/** GraphQL mutations of the barrier aggregate. */
@Module({ providers: [BarrierResolver] })
export class BarrierModule {}
