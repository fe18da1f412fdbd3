import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { EntityManager, In, Repository } from 'typeorm';
import type { Tx } from '../../kernel/database/transactions.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { User } from './entities/user.entity.js';
import { PasswordHasher } from './password-hasher.js';

export interface NewUser {
  email: string;
  displayName: string;
  password?: string;
}

/** Users: the people who log in. Other contexts reach them only through this service. */
@Injectable()
export class UsersService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Joins the request's transaction when there is one. */
  private get users(): Repository<User> {
    // Users are platform-wide (one account, many organizations): no organization to scope by.
    return this.tx.tx.getRepository(User);
  }

  /**
   * Creates a user; pass `manager` to join the caller's transaction. Hashing happens before any
   * row is touched, so a transaction is never held open for it.
   */
  async create(input: NewUser, manager?: EntityManager): Promise<User> {
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    // Platform-wide table (see `users`), in the caller's manager when it passes one.
    const repo = manager?.getRepository(User) ?? this.users;
    const email = input.email.trim().toLowerCase();
    if (await repo.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) {
      throw conflict('A user with this email already exists');
    }
    const user = repo.create({ id: newId(), email, displayName: input.displayName, passwordHash, status: 'active' });
    await repo.insert(user);
    return repo.findOneByOrFail({ id: user.id });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = :email', { email: email.trim().toLowerCase() }).getOne();
  }

  /** The user with this email (any case), including the password hash, for login only. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: () => 'now()' });
  }
}
