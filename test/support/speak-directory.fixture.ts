import type { Directory } from '../../src/booking/load-directory.js';
import { demoStaffIds } from '../../src/business-file/demo-businesses.js';
import { directoryOf, PRACTICE, SALON } from './demo-directory.js';

export { demoStaffIds, directoryOf, PRACTICE, SALON };

/** A service of the demo salon or practice by name. */
export function serviceNamed(name: string): Directory['services'][number] {
  const found = [...SALON.services, ...PRACTICE.services].find((s) => s.name === name);
  if (!found) throw new Error(`no demo service ${name}`);
  return found;
}
