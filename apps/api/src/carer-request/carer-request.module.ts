import { Module } from '@nestjs/common';
import { CarerRequestResolver } from './carer-request.resolver.js';

/** GraphQL mutations of the carer request aggregate (no query yet: declined requests show in the warnings). */
@Module({ providers: [CarerRequestResolver] })
export class CarerRequestModule {}
