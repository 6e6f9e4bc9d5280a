import { Module } from '@nestjs/common';
import { DirectoryLoadersFactory } from './directory-loaders.js';

/**
 * What every feature's queries share: the request-scoped DataLoaders over the directory read model.
 * Needs the operational database and the ConsistencyService (ProjectionsModule) from the application.
 */
@Module({ providers: [DirectoryLoadersFactory], exports: [DirectoryLoadersFactory] })
export class ReadSideModule {}
