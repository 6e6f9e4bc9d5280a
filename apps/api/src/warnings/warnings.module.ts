import { Module } from '@nestjs/common';
import { WarningsResolver } from './warnings.resolver.js';
import { WarningsService } from './warnings.service.js';

/** Early warnings: the `warnings` query and the `warningRaised` subscription (docs/warnings.md). */
@Module({ providers: [WarningsService, WarningsResolver] })
export class WarningsModule {}
