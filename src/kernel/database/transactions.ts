import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { TransactionHost } from '@nestjs-cls/transactional';

/**
 * The request's transaction, through nestjs-cls: `tx.tx` is the EntityManager of the active
 * transaction, or the plain one outside any. Code that writes through it joins whatever transaction
 * the caller (e.g. the mutation interceptor) opened, so a change and its audit row commit together.
 */
export type Tx = TransactionHost<TransactionalAdapterTypeOrm>;
