/**
 * The views watching a store: the first one to subscribe starts the store's work (loading, live
 * updates, polling), the last one to leave stops it, and `notify` tells every view of a change.
 */
export class Watchers {
  readonly #listeners = new Set<() => void>();
  readonly #start: () => () => void;
  #stop: (() => void) | null = null;

  /** `start` begins the work and returns what ends it. */
  constructor(start: () => () => void) {
    this.#start = start;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    this.#stop ??= this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#stop) {
        const stop = this.#stop;
        this.#stop = null;
        stop();
      }
    };
  }

  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
