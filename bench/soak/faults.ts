import type { FunctionBurst } from './function-burst.js';
import type { Fault } from './options.js';
import { pauseDatabase } from './pause-database.js';
import type { Infrastructure } from './infrastructure.js';

/** When each fault strikes, as a share of the caller lines the run plans. */
export const FAULT_AT: Record<Fault, number> = { redis: 0.3, instance: 0.5, db: 0.7 };
const DB_PAUSE_MS = 2_000;
/** How long after a fault a failing turn is still blamed on it (reconnects, lock retries, queued queries). */
const AFTERMATH_MS = 10_000;

export interface FaultEvent {
  fault: Fault;
  /** Wall-clock ms when it struck and when its direct effect ended (the pause lifted; kills do not end). */
  at: number;
  until: number;
  detail: string;
}

/**
 * Injects the chosen faults as the run passes their share of planned caller lines: SIGKILL one Redis node,
 * SIGKILL one server instance (its callers reconnect elsewhere; with a function burst, while its booking function
 * calls run), and stall the database for two seconds.
 */
export class FaultInjector {
  readonly events: FaultEvent[] = [];
  /** The server instance killed, if any. */
  killedInstance: number | null = null;
  private readonly pending: Fault[];
  private readonly inFlight: Array<Promise<void>> = [];
  private stopped = false;

  constructor(
    faults: Fault[],
    private readonly infra: Infrastructure,
    private readonly log: (line: string) => void,
    private readonly burst: FunctionBurst | null = null,
  ) {
    this.pending = [...faults].sort((a, b) => FAULT_AT[a] - FAULT_AT[b]);
  }

  /** Called as caller lines complete; strikes every fault whose share has been reached. */
  progress(share: number): void {
    if (this.stopped) return;
    while (this.pending.length > 0 && share >= FAULT_AT[this.pending[0]!]) this.strike(this.pending.shift()!);
  }

  /** Faults that never struck (the run ended early); they are reported, not silently skipped. */
  get missed(): Fault[] {
    return [...this.pending];
  }

  /** No more faults (the run was interrupted). */
  stop(): void {
    this.stopped = true;
  }

  /** Waits for a fault still acting (the database pause). */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  /** The most recent fault whose effect covers the wall-clock instant `t`, if any. */
  blame(t: number): Fault | null {
    return this.active(t).at(-1) ?? null;
  }

  /** Every fault whose effect covers `t` (their aftermaths overlap when they strike close together). */
  active(t: number): Fault[] {
    return this.events.filter((e) => t >= e.at && t <= e.until + AFTERMATH_MS).map((e) => e.fault);
  }

  private strike(fault: Fault): void {
    const at = Date.now();
    switch (fault) {
      case 'redis': {
        const node = this.infra.redis[0]!;
        node.kill();
        this.record({ fault, at, until: at, detail: `SIGKILL redis :${node.port} (${this.infra.redis.length - 1} of ${this.infra.redis.length} left)` });
        return;
      }
      case 'instance': {
        const instance = this.infra.instances[1 % this.infra.instances.length]!;
        const kill = (detail: string) => {
          if (this.killedInstance !== null) return;
          instance.kill();
          this.killedInstance = instance.index;
          const killedAt = Date.now();
          this.record({ fault, at: killedAt, until: killedAt, detail: `SIGKILL instance #${instance.index} (pid ${instance.pid})${detail}` });
        };
        if (!this.burst) return kill('');
        this.inFlight.push(
          this.burst
            .strike(instance, () => kill(' amid book_appointment function calls'))
            .catch((error: unknown) => {
              kill(` (the function calls failed to start: ${error instanceof Error ? error.message : String(error)})`);
            }),
        );
        return;
      }
      case 'db': {
        const event: FaultEvent = { fault, at, until: at + DB_PAUSE_MS, detail: `ACCESS EXCLUSIVE lock on appointment_segments for ${DB_PAUSE_MS} ms` };
        this.record(event);
        this.inFlight.push(
          pauseDatabase(this.infra.databaseUrl, DB_PAUSE_MS).then(
            () => {
              event.until = Date.now();
            },
            (error: unknown) => {
              event.detail += ` (failed: ${error instanceof Error ? error.message : String(error)})`;
            },
          ),
        );
        return;
      }
    }
  }

  private record(event: FaultEvent): void {
    this.events.push(event);
    this.log(`fault: ${event.detail}`);
  }
}
