/**
 * The part of autocannon 9's API the benchmarks use: the package ships no types. It is CommonJS
 * (`module.exports = run`), so ESM code imports it as a default import. Called without a callback,
 * it returns a thenable that resolves with the aggregated result.
 */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    /** An hdr-histogram summary: mean, min/max and percentiles (p50, p99, ...). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
      total?: number;
    }

    interface Result {
      /** Per-second samples of completed requests. */
      requests: Histogram & { total: number; sent: number };
      /** Milliseconds; autocannon records 2xx responses only. */
      latency: Histogram;
      throughput: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }
  }

  function autocannon(options: autocannon.Options): PromiseLike<autocannon.Result>;
  export = autocannon;
}
