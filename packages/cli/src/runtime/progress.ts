/**
 * Progress of running operations. On a terminal: one live bar per running job (percent, bytes,
 * elapsed), redrawn in place below the lines already printed. Anywhere else (CI logs, pipes,
 * files): plain timestamped lines, one when an operation starts, finishes or fails, and one per
 * 10% of progress, so logs stay readable and greppable.
 */
import type { Terminal } from './terminal.js';
import { formatBytes, formatDuration } from './units.js';

/** How far a running operation is; what the SDK's `JobProgress` carries. */
export interface ProgressUpdate {
  /** 0–100. */
  readonly percent: number;
  readonly bytesDone?: number | undefined;
  readonly bytesTotal?: number | undefined;
}

/** An operation still running, as {@link ProgressReporter.running} lists it. */
export interface RunningOperation {
  readonly id: string;
  readonly label: string;
  readonly startedAt: number;
  readonly percent: number | undefined;
}

/**
 * What commands report progress through. Ids are the command's own (a resource address, a job
 * id); labels are what people see.
 *
 * @example
 * const progress = runtime.progress(runtime.output.stdout);
 * progress.start(job.id, `backup of ${clusterId}`);
 * await job.wait({ onProgress: (p) => progress.update(job.id, p) });
 * progress.finish(job.id, `Backup ${backupId} is available`);
 */
export interface ProgressReporter {
  /** An operation started; `line` (optional) is printed as it starts, e.g. `x: Creating...`. */
  start(id: string, label: string, line?: string): void;
  update(id: string, progress: ProgressUpdate): void;
  /** It finished; `line` is printed in place of its bar. */
  finish(id: string, line: string): void;
  /** It failed; `line` is printed in place of its bar. */
  fail(id: string, line: string): void;
  /** A line printed above the bars (they are redrawn below it). */
  log(line: string): void;
  /** Operations started and not finished, in start order. */
  running(): readonly RunningOperation[];
  /** Stops redrawing and removes the bars; what is still running stays listed by `running()`. */
  close(): void;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressOptions {
  /** Time source, for tests. @default Date.now */
  readonly now?: () => number;
  /** Redraw period of the live bars. @default 100 */
  readonly redrawMs?: number;
}

/** A live reporter on a terminal, a line reporter anywhere else. */
export function createProgressReporter(terminal: Terminal, options: ProgressOptions = {}): ProgressReporter {
  return terminal.isTTY ? new LiveProgress(terminal, options) : new LineProgress(terminal, options);
}

interface Tracked {
  id: string;
  label: string;
  startedAt: number;
  percent: number | undefined;
  bytesDone: number | undefined;
  bytesTotal: number | undefined;
  /** LineProgress: the last 10% step printed. */
  lastStep: number;
}

abstract class BaseProgress implements ProgressReporter {
  protected readonly operations = new Map<string, Tracked>();
  protected readonly now: () => number;

  constructor(protected readonly terminal: Terminal, options: ProgressOptions) {
    this.now = options.now ?? Date.now;
  }

  start(id: string, label: string, line?: string): void {
    this.operations.set(id, { id, label, startedAt: this.now(), percent: undefined, bytesDone: undefined, bytesTotal: undefined, lastStep: -1 });
    if (line !== undefined) this.log(line);
  }

  update(id: string, progress: ProgressUpdate): void {
    const tracked = this.operations.get(id);
    if (tracked === undefined) return;
    tracked.percent = Math.max(0, Math.min(100, progress.percent));
    tracked.bytesDone = progress.bytesDone;
    tracked.bytesTotal = progress.bytesTotal;
    this.changed(tracked);
  }

  finish(id: string, line: string): void {
    this.operations.delete(id);
    this.log(line);
  }

  fail(id: string, line: string): void {
    this.operations.delete(id);
    this.log(line);
  }

  running(): readonly RunningOperation[] {
    return [...this.operations.values()].map(({ id, label, startedAt, percent }) => ({ id, label, startedAt, percent }));
  }

  abstract log(line: string): void;
  abstract close(): void;
  protected abstract changed(tracked: Tracked): void;

  /** `42%  1.2 MiB of 3.0 MiB  12s`: what is known of the operation. */
  protected detail(tracked: Tracked): string {
    const parts: string[] = [];
    if (tracked.percent !== undefined) parts.push(`${Math.floor(tracked.percent)}%`);
    if (tracked.bytesDone !== undefined) parts.push(tracked.bytesTotal === undefined ? formatBytes(tracked.bytesDone) : `${formatBytes(tracked.bytesDone)} of ${formatBytes(tracked.bytesTotal)}`);
    parts.push(`${formatDuration(this.now() - tracked.startedAt)} elapsed`);
    return parts.join(', ');
  }
}

/** Timestamped lines: `2025-06-01T02:00:04.120Z lifeboat_backup.b: 40%, 1.2 MiB of 3.0 MiB, 12s elapsed`. */
class LineProgress extends BaseProgress {
  log(line: string): void {
    this.terminal.write(`${new Date(this.now()).toISOString()} ${line}\n`);
  }

  close(): void {}

  protected changed(tracked: Tracked): void {
    const step = Math.floor((tracked.percent ?? 0) / 10);
    if (step <= tracked.lastStep) return;
    tracked.lastStep = step;
    this.log(`${tracked.label}: ${this.detail(tracked)}`);
  }
}

const barWidth = 24;
/** More bars than this and the rest are summed up in one line, so the block fits a terminal. */
const maxBars = 8;

/** Bars redrawn in place with ANSI cursor movement, below everything logged. */
class LiveProgress extends BaseProgress {
  /** Lines of the block drawn last, erased before the next draw. */
  private drawn = 0;
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(terminal: Terminal, options: ProgressOptions) {
    super(terminal, options);
    // Elapsed time moves even when no job reports; unref'd so it never keeps the process alive.
    this.timer = setInterval(() => this.draw(), options.redrawMs ?? 100);
    this.timer.unref();
  }

  log(line: string): void {
    this.terminal.write(`${this.erase()}${line}\n`);
    this.drawn = 0;
    this.draw();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.terminal.write(this.erase());
    this.drawn = 0;
  }

  protected changed(): void {
    this.draw();
  }

  private draw(): void {
    if (this.closed) return;
    const { colors } = this.terminal;
    const all = [...this.operations.values()];
    const lines = all.slice(0, maxBars).map((tracked) => {
      const filled = Math.round(((tracked.percent ?? 0) / 100) * barWidth);
      const bar = `${colors.cyan('█'.repeat(filled))}${colors.dim('░'.repeat(barWidth - filled))}`;
      return fit(`${bar} ${tracked.label}  ${colors.dim(this.detail(tracked))}`, this.terminal.columns);
    });
    if (all.length > maxBars) lines.push(colors.dim(`… and ${all.length - maxBars} more running`));
    this.terminal.write(`${this.erase()}${lines.map((line) => `${line}\n`).join('')}`);
    this.drawn = lines.length;
  }

  /** Moves up over the last block and clears to the end of the screen. */
  private erase(): string {
    return this.drawn === 0 ? '' : `\u001b[${this.drawn}F\u001b[J`;
  }
}

/** Cuts a line to the terminal width (colour codes do not count), so a bar never wraps. */
function fit(line: string, columns: number): string {
  // eslint-disable-next-line no-control-regex -- counting printable characters around ANSI codes
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  if (plain.length < columns) return line;
  let visible = 0;
  let out = '';
  // eslint-disable-next-line no-control-regex -- splitting into ANSI codes and single characters
  for (const token of line.match(/\u001b\[[0-9;]*m|[\s\S]/g) ?? []) {
    if (token.startsWith('\u001b')) out += token;
    else if (visible < columns - 2) {
      out += token;
      visible += 1;
    }
  }
  return `${out}\u001b[0m…`;
}
