import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { SignalFrameworkStore, SignalReader } from '#read-models/signals';

/** The signal framework registry and the signal reader over the read-model database. */
@Injectable()
export class SignalsService implements OnModuleInit {
  readonly frameworks: SignalFrameworkStore;
  readonly reader: SignalReader;

  constructor(@Inject(OPERATIONAL_DATABASE) database: SqlDatabase, @Inject(APP_CONFIG) config: AppConfig) {
    this.frameworks = new SignalFrameworkStore(database);
    this.reader = new SignalReader(database, this.frameworks, { resultsKept: config.readResultsKept });
  }

  async onModuleInit(): Promise<void> {
    await this.frameworks.prepare();
  }
}
