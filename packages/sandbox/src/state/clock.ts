/**
 * The sandbox's virtual clock. Time runs at `speed` virtual seconds per real second (0 freezes
 * it) and can be moved forward with `advance`. Work due at a virtual time (a refresh finishing,
 * a transfer settling) is scheduled on the clock and runs in time order; while a task runs,
 * `now()` reads its due time, so the objects it touches carry the right timestamps even when a
 * single `advance` skips days.
 */

export interface ClockOptions {
  /** Virtual unix time (seconds) at start. @default the real time */
  start?: number;
  /** Virtual seconds per real second; 0 freezes time between `advance` calls. @default 1 */
  speed?: number;
  /** Reports a task that threw, so one bad task cannot stop the clock. */
  onTaskError?: (error: unknown, label: string) => void;
}

interface Task {
  at: number;
  seq: number;
  label: string;
  run: () => void;
  cancelled: boolean;
}

/** A handle to cancel scheduled work. */
export interface Scheduled {
  cancel(): void;
}

export class VirtualClock {
  private readonly speed: number;
  private readonly onTaskError: (error: unknown, label: string) => void;
  private base: number;
  private realBase: number;
  private pinned: number | undefined;
  private readonly queue: Task[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private stopped = false;

  constructor(options: ClockOptions = {}) {
    this.speed = options.speed ?? 1;
    this.base = options.start ?? Date.now() / 1000;
    this.realBase = Date.now();
    this.onTaskError =
      options.onTaskError ??
      ((error, label) => {
        console.error(`[purse-sandbox] scheduled task "${label}" failed`, error);
      });
  }

  /** Virtual seconds per real second. */
  get rate(): number {
    return this.speed;
  }

  /** The current virtual time, in whole unix seconds. */
  now(): number {
    return Math.floor(this.exactNow());
  }

  private exactNow(): number {
    if (this.pinned !== undefined) return this.pinned;
    return this.base + ((Date.now() - this.realBase) / 1000) * this.speed;
  }

  /** Runs `run` when virtual time reaches `at` (unix seconds). */
  schedule(at: number, label: string, run: () => void): Scheduled {
    const task: Task = { at, seq: this.seq++, label, run, cancelled: false };
    this.push(task);
    this.arm();
    return {
      cancel: () => {
        task.cancelled = true;
      },
    };
  }

  /** Runs `run` `seconds` virtual seconds from now. */
  after(seconds: number, label: string, run: () => void): Scheduled {
    return this.schedule(this.exactNow() + seconds, label, run);
  }

  /** Moves virtual time forward by `seconds`, running every task that falls due on the way. */
  advance(seconds: number): number {
    if (!(seconds >= 0)) throw new RangeError('seconds must be a non-negative number');
    const target = this.exactNow() + seconds;
    this.runDue(target);
    this.rebase(target);
    this.arm();
    return this.now();
  }

  /** Back to `start` with nothing scheduled, as a freshly made clock. */
  reset(start: number): void {
    this.queue.length = 0;
    this.pinned = undefined;
    this.rebase(start);
    this.arm();
  }

  /** Stops the real-time timer; scheduled work no longer runs on its own. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Number of tasks waiting (for diagnostics). */
  get pending(): number {
    return this.queue.filter((t) => !t.cancelled).length;
  }

  private rebase(virtual: number): void {
    this.base = virtual;
    this.realBase = Date.now();
  }

  private runDue(until: number): void {
    if (this.running) return;
    this.running = true;
    try {
      for (let task = this.peek(); task && task.at <= until; task = this.peek()) {
        this.pop();
        if (task.cancelled) continue;
        // Time never runs backwards: a task scheduled in the past runs "now".
        this.pinned = Math.max(task.at, this.pinned ?? -Infinity, this.exactNowUnpinned());
        try {
          task.run();
        } catch (error) {
          this.onTaskError(error, task.label);
        }
      }
    } finally {
      if (this.pinned !== undefined) this.rebase(Math.max(this.pinned, this.exactNowUnpinned()));
      this.pinned = undefined;
      this.running = false;
    }
  }

  private exactNowUnpinned(): number {
    return this.base + ((Date.now() - this.realBase) / 1000) * this.speed;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.speed <= 0) return;
    const next = this.peek();
    if (!next) return;
    const delayMs = Math.max(0, ((next.at - this.exactNow()) / this.speed) * 1000);
    // setTimeout overflows past ~24.8 days; re-arm in steps.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.runDue(this.exactNow());
        this.arm();
      },
      Math.min(delayMs, 2 ** 31 - 1),
    );
    this.timer.unref();
  }

  // A binary heap ordered by (at, seq).
  private less(a: Task, b: Task): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private peek(): Task | undefined {
    return this.queue[0];
  }

  private push(task: Task): void {
    const q = this.queue;
    q.push(task);
    let i = q.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pi = q[parent] as Task;
      if (!this.less(task, pi)) break;
      q[i] = pi;
      i = parent;
    }
    q[i] = task;
  }

  private pop(): Task | undefined {
    const q = this.queue;
    const top = q[0];
    const last = q.pop();
    if (q.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        let smallestTask = last;
        const lt = q[l];
        const rt = q[r];
        if (lt && this.less(lt, smallestTask)) {
          smallest = l;
          smallestTask = lt;
        }
        if (rt && this.less(rt, smallestTask)) {
          smallest = r;
          smallestTask = rt;
        }
        if (smallest === i) break;
        q[i] = smallestTask;
        i = smallest;
      }
      q[i] = last;
    }
    return top;
  }
}
