import type { DateTimeReading, ParseOptions } from '../types.js';
import { buildReading, groupOptions, mergeCorrection, type SlotOption } from './assemble.js';
import { extractClockTimes } from './clock.js';
import { extractDateAtoms } from './date-atoms.js';
import { resolveDates } from './date-resolve.js';
import { markEarliest } from './earliest.js';
import { extractPartsOfDay } from './part-of-day.js';
import { resolveReference, type ReferenceInput } from './reference.js';
import type { Mention, Scan } from './scan.js';
import { splitSegments } from './segments.js';
import { tokenizeForTime } from './tokens.js';

/**
 * Reads the requested date, clock time and part of day from a German caller utterance, relative
 * to the reference instant in the business's zone (never the process zone). Throws only for an
 * invalid reference; any text yields a reading.
 */
export function parseDateTime(text: string, ref: ReferenceInput, options: ParseOptions = {}): DateTimeReading {
  const reference = resolveReference(ref);
  const toks = tokenizeForTime(text);
  const s: Scan = { toks, used: new Uint8Array(toks.length), ref: reference };
  const earliest = markEarliest(s);
  const excluded: number[] = [];
  let slots: SlotOption[] = [];
  for (const [from, to] of splitSegments(s)) {
    const dates = resolveDates(s, extractDateAtoms(s, from, to, excluded));
    const clocks = extractClockTimes(s, from, to);
    const pods = extractPartsOfDay(s, from, to);
    const mentions: Mention[] = [...dates, ...clocks, ...pods].sort((a, b) => a.start - b.start);
    slots = mergeCorrection(slots, groupOptions(mentions));
  }
  return buildReading(slots, { earliest, excluded }, options);
}
