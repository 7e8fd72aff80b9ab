import { cpus, loadavg } from 'node:os';

/** Samples the machine's 1-minute load while the run goes: the machine is shared, so figures need their context. */
export function monitorLoad(everyMs = 2_000): { stop(): { cpus: number; load1mAtStart: number; load1mMax: number; load1mMean: number; load1mAtEnd: number } } {
  const start = loadavg()[0] ?? 0;
  const samples = [start];
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const end = loadavg()[0] ?? 0;
      samples.push(end);
      return {
        cpus: cpus().length,
        load1mAtStart: start,
        load1mMax: Math.max(...samples),
        load1mMean: samples.reduce((a, b) => a + b, 0) / samples.length,
        load1mAtEnd: end,
      };
    },
  };
}
