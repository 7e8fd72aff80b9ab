/** One invariant checked after the run: what was found, and every violation described precisely. */
export interface CheckResult {
  name: string;
  violations: string[];
  /** Figures worth printing whether or not anything was violated. */
  facts: Record<string, number | string>;
  /** Findings that are not violations: explained by an injected fault, or a known limit worth seeing. */
  notes: string[];
}
