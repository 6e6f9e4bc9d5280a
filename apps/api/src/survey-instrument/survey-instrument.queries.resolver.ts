import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { surveyInstrumentsList } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { SurveyInstrumentFilterInput } from './survey-instrument.filters.js';
import { toSurveyInstrument } from './survey-instrument.mappers.js';
import { SurveyInstrument, SurveyInstrumentConnection } from './survey-instrument.models.js';

/** Survey and quiz instruments. */
@Resolver(() => SurveyInstrument)
export class SurveyInstrumentQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => SurveyInstrumentConnection, { description: 'Survey and quiz instruments, by name.' })
  async surveyInstruments(
    @Args('filter', { type: () => SurveyInstrumentFilterInput, nullable: true }, validated(SurveyInstrumentFilterInput))
    filter: SurveyInstrumentFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(surveyInstrumentsList, first, after);
    return (await this.loaders.ready(atLeastPosition, context)).connection(
      surveyInstrumentsList,
      toSurveyInstrument,
      null,
      filter ?? null,
      request,
    );
  }
}
