import { Module } from '@nestjs/common';
import { ActivityResolver } from './activity.resolver.js';

/** GraphQL mutations of the activity aggregate. */
@Module({ providers: [ActivityResolver] })
export class ActivityModule {}
