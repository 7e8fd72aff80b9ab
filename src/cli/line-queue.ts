import { createInterface } from 'node:readline';

/** Lines of a stream, one at a time; `next()` resolves null once input has ended. */
export class LineQueue {
  private readonly lines: string[] = [];
  private readonly readers: Array<(line: string | null) => void> = [];
  private done = false;
  private readonly rl;

  constructor(input: NodeJS.ReadableStream) {
    this.rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    this.rl.on('line', (line) => {
      const reader = this.readers.shift();
      if (reader) reader(line);
      else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.done = true;
      for (const reader of this.readers.splice(0)) reader(null);
    });
  }

  next(): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.done) return Promise.resolve(null);
    return new Promise((resolve) => this.readers.push(resolve));
  }

  close(): void {
    this.rl.close();
  }
}
