import { describe, expect, it } from 'vitest';
import { runSoak } from '../bench/soak/soak.js';

// The soak harness in its small CI size: three server processes, three Redis nodes; one Redis node is killed
// mid-run, and one server instance while booking function calls run on it (their retries go to the others).
describe('soak, small', () => {
  it('places 20 calls over three instances while a Redis node and an instance die, without a double booking, an untold booking or a wedged function call', async () => {
    const report = await runSoak({ calls: 20, faults: ['redis', 'instance'], seed: 20 });
    expect(report.violations).toEqual([]);
    expect(report.calls.placed).toBe(20);
    expect(report.faults.map((f) => f.fault)).toEqual(['redis', 'instance']);
    expect(report.booked).toBeGreaterThan(0);
    const functionCalls = report.checks.find((c) => c.name.startsWith('function calls'));
    // The kill struck between claim and answer of some bookings, and their retries took them over.
    expect(functionCalls?.facts['cut off between claim and answer']).toBeGreaterThan(0);
    expect(functionCalls?.facts['taken over by a retry']).toBeGreaterThan(0);
  }, 120_000);
});
