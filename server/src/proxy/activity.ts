// When each instance was last used through the proxy: what idle culling compares with its template's
// idle timeout. A request, a WebSocket opening, and data the browser sends on an open WebSocket
// (a notebook kernel in use) all count. In memory, per replica: the leader's culler reads its own
// (services/idle-culler.ts), and every replica writes what it saw to the instance's
// status.lastActivityTime (activity-recorder.ts), where the leader reads the others'.
export class InstanceActivity {
  readonly #last = new Map<string, number>();

  touch(namespace: string, name: string, at = Date.now()): void {
    this.#last.set(`${namespace}/${name}`, at);
  }

  /** Unix milliseconds of the last use seen here, or undefined when none since this replica started. */
  lastRequestAt(namespace: string, name: string): number | undefined {
    return this.#last.get(`${namespace}/${name}`);
  }

  /** Every instance used since `since` (Unix ms), with its time. */
  usedSince(since: number): { namespace: string; name: string; at: number }[] {
    const used: { namespace: string; name: string; at: number }[] = [];
    for (const [key, at] of this.#last) {
      if (at < since) continue;
      const slash = key.indexOf('/');
      used.push({ namespace: key.slice(0, slash), name: key.slice(slash + 1), at });
    }
    return used;
  }

  forget(namespace: string, name: string): void {
    this.#last.delete(`${namespace}/${name}`);
  }
}

export interface Use {
  namespace: string;
  name: string;
  at: number;
}

/**
 * The proxy thread's activity (proxy-worker.ts): noted here as above, and reported to the API's
 * thread, whose idle culler reads it. A use is reported at once when none was reported in the last
 * `everyMs`, else with the others of that time, each instance's latest: a busy instance costs one
 * message per `everyMs`, not one per request, and the culler learns of a use at most `everyMs` late
 * (idle timeouts are seconds at the least).
 */
export class ReportedActivity extends InstanceActivity {
  readonly #report: (uses: Use[]) => void;
  readonly #everyMs: number;
  readonly #pending = new Map<string, Use>();
  #timer: NodeJS.Timeout | undefined;

  constructor(report: (uses: Use[]) => void, everyMs = 250) {
    super();
    this.#report = report;
    this.#everyMs = everyMs;
  }

  override touch(namespace: string, name: string, at = Date.now()): void {
    super.touch(namespace, name, at);
    const use = { namespace, name, at };
    if (this.#timer !== undefined) {
      this.#pending.set(`${namespace}/${name}`, use);
      return;
    }
    this.#report([use]);
    this.#wait();
  }

  #wait(): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#pending.size === 0) return;
      const uses = [...this.#pending.values()];
      this.#pending.clear();
      this.#report(uses);
      this.#wait();
    }, this.#everyMs);
    this.#timer.unref();
  }
}
