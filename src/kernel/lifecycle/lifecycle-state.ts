import { Injectable } from '@nestjs/common';

/** Whether the process is draining: readiness answers 503 from the moment shutdown begins. */
@Injectable()
export class LifecycleState {
  private draining = false;

  get isShuttingDown(): boolean {
    return this.draining;
  }

  beginShutdown(): void {
    this.draining = true;
  }
}
