import { Module } from '@nestjs/common';
import { DataInventoryResolver } from './inventory.resolver.js';
import { DataInventoryService } from './inventory.service.js';

/** A study's data inventory of a project, computed at query time from the inventory facts. */
@Module({ providers: [DataInventoryService, DataInventoryResolver] })
export class DataInventoryModule {}
