/**
 * Everything a run starts registers how to stop it here; `run()` undoes it in reverse order, once, whether the
 * run succeeded, failed or was interrupted. A step that fails is reported and the others still run.
 */
export class Cleanup {
  private readonly steps: Array<{ name: string; undo: () => Promise<void> }> = [];
  private running: Promise<string[]> | null = null;

  add(name: string, undo: () => Promise<void>): void {
    if (this.running) {
      // Started after teardown began (an interrupted startup): undo it at once.
      void undo().catch(() => undefined);
      return;
    }
    this.steps.push({ name, undo });
  }

  /** Runs every step, newest first; resolves with the problems met (empty when all went well). */
  run(): Promise<string[]> {
    this.running ??= (async () => {
      const problems: string[] = [];
      for (const step of this.steps.reverse()) {
        try {
          await step.undo();
        } catch (error) {
          problems.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return problems;
    })();
    return this.running;
  }
}
