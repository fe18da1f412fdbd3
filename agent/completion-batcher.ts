/**
 * Completions go to the server together: one is sent at once when nothing is on its way, and those
 * that finish while a request is out go in the next one (POST /agents/{id}/jobs/complete). So an
 * agent finishing one job at a time pays one round trip per job, and one finishing many pays one per
 * batch, with no wait added to gather them. Each completion gets its own answer.
 */

/** The server's cap on completions per request. */
export const MAX_COMPLETIONS_PER_REQUEST = 100;
/** Under the server's default body limit (1 MB) with room to spare: a result may be up to 256 KiB. */
export const MAX_BATCH_BYTES = 512 * 1024;

interface Pending<I, O> {
  item: I;
  bytes: number;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

export class CompletionBatcher<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private sending = false;

  /**
   * `send` answers one outcome per item, in order, or throws for the whole request. `alone` says
   * whether an error may be the fault of one item (a 4xx): such a batch is sent again item by item,
   * so that one completion the server refuses does not take the others with it.
   */
  constructor(
    private readonly send: (items: I[]) => Promise<O[]>,
    private readonly alone: (error: unknown) => boolean,
  ) {}

  complete(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, bytes: Buffer.byteLength(JSON.stringify(item)), resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) await this.deliver(this.takeBatch());
    } finally {
      this.sending = false;
    }
  }

  /** The oldest completions, up to the count and size caps (always at least one). */
  private takeBatch(): Pending<I, O>[] {
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < MAX_COMPLETIONS_PER_REQUEST && (n === 0 || bytes + this.queue[n].bytes <= MAX_BATCH_BYTES)) {
      bytes += this.queue[n].bytes;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private async deliver(batch: Pending<I, O>[]): Promise<void> {
    let outcomes: O[];
    try {
      outcomes = await this.send(batch.map((p) => p.item));
    } catch (error) {
      if (batch.length > 1 && this.alone(error)) {
        for (const pending of batch) await this.deliver([pending]);
        return;
      }
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => pending.resolve(outcomes[i]));
  }
}
