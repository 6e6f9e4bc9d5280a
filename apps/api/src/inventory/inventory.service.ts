import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { DataInventoryReader } from '#read-models/inventory';

/** The data inventory reader over the read-model database. */
@Injectable()
export class DataInventoryService {
  readonly reader: DataInventoryReader;

  constructor(@Inject(OPERATIONAL_DATABASE) database: SqlDatabase) {
    this.reader = new DataInventoryReader(database);
  }
}
