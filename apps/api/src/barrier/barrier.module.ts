import { Module } from '@nestjs/common';

/** GraphQL mutations of the barrier aggregate (resolver added in its own change). */
@Module({})
export class BarrierModule {}
