import { Module } from '@nestjs/common';
import { ProjectionStatusService } from './projection-status.service.js';
import { ProjectionsAdminResolver } from './projections-admin.resolver.js';

@Module({ providers: [ProjectionStatusService, ProjectionsAdminResolver] })
export class ProjectionsAdminModule {}
