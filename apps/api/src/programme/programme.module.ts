import { Module } from '@nestjs/common';
import { ProgrammeResolver } from './programme.resolver.js';

/** GraphQL mutations of the programme aggregate. */
@Module({ providers: [ProgrammeResolver] })
export class ProgrammeModule {}
