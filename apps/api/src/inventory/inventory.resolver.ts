import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Actor } from '#event-store';
import { ConsistencyService } from '#read-models';
import { withholdSmallCarerGroups, type InventoryLine } from '#read-models/inventory';
import { mayIdentifyCarers } from '../auth/roles.js';
import { CurrentActor } from '../command-side/actor.js';
import { AsOfArg, AtLeastPositionArg, KnownAtArg } from '../time-travel/time-travel.args.js';
import { requireQueryTimes } from '../time-travel/query-times.js';
import { DataInventory, type DataInventoryLine } from './inventory.models.js';
import { DataInventoryService } from './inventory.service.js';

const INVENTORY_PROJECTIONS = ['inventory-facts'];

const toLine = (line: InventoryLine): DataInventoryLine => ({
  ...line,
  modes: line.modes.map((mode) => ({ ...mode })),
  roles: line.roles.map((role) => ({ ...role })),
});

@Resolver()
export class DataInventoryResolver {
  constructor(
    private readonly service: DataInventoryService,
    private readonly consistency: ConsistencyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => DataInventory, {
    description:
      "A project's data inventory, the table a study prints: per method (interviews, co-design and co-assessment workshops, reflexive notes) and moment of the pilot, how many, who took part of how many invited per role with their genders, when, and how long; per method; and in total.",
  })
  async dataInventory(
    @CurrentActor() actor: Actor,
    @Args('projectId', { type: () => ID }) projectId: string,
    @AsOfArg()
    asOf?: Date | null,
    @KnownAtArg()
    knownAt?: Date | null,
    @AtLeastPositionArg('the inventory facts')
    atLeastPosition?: string | null,
  ): Promise<DataInventory> {
    requireQueryTimes({ asOf, knownAt });
    await this.consistency.atLeast(atLeastPosition, INVENTORY_PROJECTIONS);
    const inventory = await this.service.reader.inventory({ projectId, asOf, knownAt });
    // Roles that may not identify carers do not see the genders of a handful of carers (docs/inventory.md).
    const shown = mayIdentifyCarers(actor)
      ? inventory
      : withholdSmallCarerGroups(inventory, this.config.smallGroupMinCarers);
    return { ...shown, rows: shown.rows.map(toLine), methods: shown.methods.map(toLine), total: toLine(shown.total) };
  }
}
