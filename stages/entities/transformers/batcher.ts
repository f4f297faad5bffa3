/**
 * Dynamic batching of model windows across articles. The runner tags many articles at once; each
 * submits its windows here. One model call runs at a time: while calls run, new windows wait; then
 * everything waiting is taken as one round, sorted longest first and cut into calls of `batchSize`
 * (similar lengths share a call, so padding stays small; rounds keep arrival order, so no window
 * waits behind later ones). An idle backend runs a lone window at once, a busy one gets full
 * batches: no timer, no added latency.
 */
/** Runs the model on windows of piece ids (without special tokens), one prediction per window. */
export type RunWindows<P> = (windows: Int32Array[]) => Promise<P[]>;

interface Job<P> {
  ids: Int32Array;
  resolve(prediction: P): void;
  reject(error: unknown): void;
}

export class WindowBatcher<P> {
  private waiting: Job<P>[] = [];
  private running = false;

  constructor(
    private readonly run: RunWindows<P>,
    private readonly batchSize: number,
  ) {
    if (!(batchSize >= 1)) throw new Error(`batch size must be at least 1, got ${batchSize}`);
  }

  predict(ids: Int32Array): Promise<P> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ids, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    // Let the other articles of this turn of the event loop submit their windows first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.waiting.length) {
      const round = this.waiting.splice(0).sort((a, b) => b.ids.length - a.ids.length);
      for (let start = 0; start < round.length; start += this.batchSize) {
        const jobs = round.slice(start, start + this.batchSize);
        try {
          const predictions = await this.run(jobs.map((j) => j.ids));
          jobs.forEach((job, k) => job.resolve(predictions[k]!));
        } catch (error) {
          jobs.forEach((job) => job.reject(error));
        }
      }
    }
    this.running = false;
  }
}
