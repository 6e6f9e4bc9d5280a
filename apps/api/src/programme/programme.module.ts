import { Module } from '@nestjs/common';

/** GraphQL mutations of the programme aggregate (resolver added in its own change). */
@Module({})
export class ProgrammeModule {}
