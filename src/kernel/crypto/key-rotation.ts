import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { BackgroundJobs } from '../background/background-jobs.js';
import { AppConfig } from '../config/app-config.js';

/** A table of envelopes that can move its rows to the current master key, a batch at a time. */
export interface RewrapStore {
  name: string;
  /** Re-wraps up to `limit` envelopes still under a retired key; answers how many it did. */
  rewrap(limit: number): Promise<number>;
}

const BATCH = 500;

/**
 * The re-wrap job of a key rotation: once ENCRYPTION_KEY is replaced (the old one moved to
 * ENCRYPTION_PREVIOUS_KEYS), every store that holds envelopes re-wraps their data keys under the new
 * master key — at start-up, then every ten minutes on one replica — after which the old key can be
 * dropped. Stores register from their context's onModuleInit.
 */
@Injectable()
export class KeyRotation implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(KeyRotation.name);
  private readonly stores: RewrapStore[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly background: BackgroundJobs,
    private readonly cls: ClsService,
  ) {}

  register(store: RewrapStore): void {
    this.stores.push(store);
  }

  private get rotating(): boolean {
    return this.config.encryption.previous.length > 0;
  }

  onModuleInit(): void {
    if (this.rotating) this.background.schedule('rewrap-envelopes', '*/10 * * * *', () => this.rewrapAll());
  }

  onApplicationBootstrap(): void {
    if (this.rotating)
      void this.rewrapAll().catch((error: unknown) =>
        this.logger.warn({ message: (error as Error).message }, 're-wrap failed; the schedule will retry'),
      );
  }

  /** Runs every store to completion; answers how many envelopes each moved. */
  async rewrapAll(): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    for (const store of this.stores) {
      moved[store.name] = 0;
      for (;;) {
        const count = await this.cls.run(() => store.rewrap(BATCH));
        moved[store.name] += count;
        if (count < BATCH) break;
      }
    }
    if (Object.values(moved).some((n) => n > 0))
      this.logger.log({ moved, keyId: this.config.encryption.keyId }, 're-wrapped envelopes under the current master key');
    return moved;
  }
}
