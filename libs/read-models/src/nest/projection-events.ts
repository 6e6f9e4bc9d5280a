import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { ProjectionRunner } from '#projections';

export interface ProjectionProgress {
  readonly projection: string;
  readonly generation: number;
  readonly state: string;
}

/** In-process stream of "a projection committed a batch", for live status and signal subscriptions. */
@Injectable()
export class ProjectionEvents {
  readonly committed = new Subject<ProjectionProgress>();

  progress(runner: ProjectionRunner): void {
    this.committed.next({ projection: runner.name, generation: runner.generation, state: runner.state });
  }
}
