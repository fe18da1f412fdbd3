import { Injectable, OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import { randomSecret } from '../../kernel/crypto/secret-tokens.js';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when the account does not exist, so both cases cost the same time. */
  private decoy!: string;

  async onModuleInit(): Promise<void> {
    this.decoy = await argon2.hash(randomSecret(), OPTIONS);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** Never throws on a malformed hash: a bad stored value is just a failed match. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.decoy, password);
      return ok && Boolean(hash);
    } catch {
      return false;
    }
  }
}
