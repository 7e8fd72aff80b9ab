import { describe, expect, it } from 'vitest';
import { runSoak } from '../bench/soak/soak.js';

// The soak harness in its small CI size: three server processes, three Redis nodes, one of them killed mid-run.
describe('soak, small', () => {
  it('places 20 calls over three instances while a Redis node dies, without a double booking or an untold booking', async () => {
    const report = await runSoak({ calls: 20, faults: ['redis'], seed: 20 });
    expect(report.violations).toEqual([]);
    expect(report.calls.placed).toBe(20);
    expect(report.faults.map((f) => f.fault)).toEqual(['redis']);
    expect(report.booked).toBeGreaterThan(0);
  }, 120_000);
});
