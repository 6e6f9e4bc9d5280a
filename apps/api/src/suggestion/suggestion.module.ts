import { Module } from '@nestjs/common';

/** GraphQL mutations of the suggestion aggregate (resolver added in its own change). */
@Module({})
export class SuggestionModule {}
