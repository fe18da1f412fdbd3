// The jobs context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export type { BlockedCode } from './job-blockage.js';
export type { Job } from './entities/job.entity.js';
export { CANCEL_JOBS_HEADER } from './job-events.js';
export { HELD_STATUSES, TERMINAL_STATUSES } from './entities/job.entity.js';
export { JobBlockedDto, JobDto } from './dto/job.dto.js';
export { JobQueue } from './job-queue.service.js';
export { assertHeld } from './job-lease.js';
export { JobsModule } from './jobs.module.js';
export { JobsService } from './jobs.service.js';
export { blockedFact } from './job-blockage.js';
export * from './jobs.errors.js';
