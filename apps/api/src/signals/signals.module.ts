import { Module } from '@nestjs/common';
import { SignalFrameworksResolver } from './signal-frameworks.resolver.js';
import { SignalsResolver } from './signals.resolver.js';
import { SignalsService } from './signals.service.js';

/** Signals computed at query time from the signal facts, and the versioned signal frameworks. */
@Module({ providers: [SignalsService, SignalsResolver, SignalFrameworksResolver] })
export class SignalsModule {}
