import { Module } from '@nestjs/common';
import { SuggestionResolver } from './suggestion.resolver.js';

/** GraphQL mutations of the suggestion aggregate. */
@Module({ providers: [SuggestionResolver] })
export class SuggestionModule {}
