import cliProgress from 'cli-progress';

export interface ProgressCounts {
  done: number;
  records: number;
  errors: number;
}

/**
 * Where a run is, on stderr (stdout belongs to `--json` reports): a bar with articles done,
 * articles/s, ETA and errors on a terminal; one JSON line every few seconds otherwise, e.g.
 * `{"progress":{"done":1200,"total":13496,"records":1190,"errors":10,"perSecond":210.5,"etaSeconds":58}}`.
 */
export interface ProgressReporter {
  start(total: number | null, alreadyDone: number): void;
  update(counts: ProgressCounts): void;
  stop(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Seconds between JSON lines when not on a terminal. */
  intervalSeconds?: number;
  /** Force the JSON form (tests), whatever the stream is. */
  json?: boolean;
}

export function createProgress(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY && !options.json ? new BarProgress(stream) : new JsonProgress(stream, (options.intervalSeconds ?? 5) * 1000);
}

/** Articles per second over the last ~10 s, so the ETA follows the current pace. */
class Rate {
  private samples: [number, number][] = [];

  add(done: number): number {
    const now = performance.now();
    this.samples.push([now, done]);
    while (this.samples.length > 2 && now - this.samples[0][0] > 10_000) this.samples.shift();
    const [t0, d0] = this.samples[0];
    return now > t0 ? ((done - d0) * 1000) / (now - t0) : 0;
  }
}

class BarProgress implements ProgressReporter {
  private bar: cliProgress.SingleBar;
  private rate = new Rate();
  private total: number | null = null;
  private last = 0;

  constructor(stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: ' {bar} {value}/{totalText} articles | {speed} articles/s | ETA {etaText} | {errors} errors',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number | null, alreadyDone: number): void {
    this.total = total;
    this.rate.add(alreadyDone);
    this.bar.start(total ?? 0, alreadyDone, { totalText: total ?? '?', speed: '0.0', etaText: '?', errors: 0 });
  }

  update(counts: ProgressCounts): void {
    const now = performance.now();
    if (now - this.last < 100 && counts.done !== this.total) return;
    this.last = now;
    const speed = this.rate.add(counts.done);
    if (this.total !== null && counts.done > this.total) this.bar.setTotal(counts.done);
    const eta = this.total !== null && speed > 0 ? formatSeconds(Math.max(this.total - counts.done, 0) / speed) : '?';
    this.bar.update(counts.done, { speed: speed.toFixed(1), etaText: eta, errors: counts.errors });
  }

  stop(): void {
    this.bar.stop();
  }
}

class JsonProgress implements ProgressReporter {
  private rate = new Rate();
  private total: number | null = null;
  private counts: ProgressCounts = { done: 0, records: 0, errors: 0 };
  private timer: NodeJS.Timeout | null = null;
  private lastWritten = -1;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly intervalMs: number,
  ) {}

  start(total: number | null, alreadyDone: number): void {
    this.total = total;
    this.counts = { done: alreadyDone, records: 0, errors: 0 };
    this.rate.add(alreadyDone);
    this.timer = setInterval(() => this.write(), this.intervalMs);
    this.timer.unref();
  }

  update(counts: ProgressCounts): void {
    this.counts = counts;
  }

  private write(): void {
    const { done, records, errors } = this.counts;
    const perSecond = this.rate.add(done);
    if (done === this.lastWritten) return;
    this.lastWritten = done;
    const etaSeconds = this.total !== null && perSecond > 0 ? Math.round(Math.max(this.total - done, 0) / perSecond) : null;
    const line = { progress: { done, total: this.total, records, errors, perSecond: Math.round(perSecond * 10) / 10, etaSeconds } };
    this.stream.write(`${JSON.stringify(line)}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.write();
  }
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
