/**
 * The parts of the day callers name, and the local hours each one covers: the one table that the reader of
 * caller German and the availability engine both use, so that "nachmittags" means the same hours when it is
 * heard and when slots are searched. Pure data; any layer may import it.
 *
 * The ranges overlap as the words do ("früh" lies inside "morgens", "nach der Arbeit" spans the late
 * afternoon and the evening). They are wall-clock minutes in the business's zone, [from, to).
 */

/** Every part of the day, from early morning to evening. The first five are the spoken contract's values. */
export const PARTS_OF_DAY = ['morgens', 'vormittags', 'mittags', 'nachmittags', 'abends', 'frueh', 'spaetnachmittags', 'nach_der_arbeit'] as const;

/** A part of the day a caller names; it qualifies a slot but is never a clock time. */
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** The five coarse parts of the day of the `parse --jsonl` contract and of the spoken reference. */
export type CoarsePartOfDay = 'morgens' | 'vormittags' | 'mittags' | 'nachmittags' | 'abends';

export interface PartOfDayRange {
  /** First local minute of the day that belongs to the range. */
  from: number;
  /** First local minute after the range. */
  to: number;
  /** The coarse part this one refines, for readers that know only the five. */
  coarse: CoarsePartOfDay;
  /** How the range reads in German, for documentation and speech. */
  words: string;
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

/**
 * The ranges. "Nachmittags" starts at 13:00, not at noon: a caller who says "Donnerstagnachmittag" is not
 * offered 12:00. "Früh" is the first hours, so a salon opening at nine still has something "früh".
 */
export const PART_OF_DAY_RANGES: Readonly<Record<PartOfDay, PartOfDayRange>> = {
  frueh: { from: h(6), to: h(10), coarse: 'morgens', words: 'früh, in der Früh' },
  morgens: { from: h(6), to: h(11), coarse: 'morgens', words: 'morgens, am Morgen' },
  vormittags: { from: h(8), to: h(12), coarse: 'vormittags', words: 'vormittags, am Vormittag' },
  mittags: { from: h(11, 30), to: h(14), coarse: 'mittags', words: 'mittags, über Mittag, in der Mittagspause' },
  nachmittags: { from: h(13), to: h(18), coarse: 'nachmittags', words: 'nachmittags, am Nachmittag' },
  spaetnachmittags: { from: h(15, 30), to: h(18), coarse: 'nachmittags', words: 'am späten Nachmittag' },
  nach_der_arbeit: { from: h(16, 30), to: h(22), coarse: 'abends', words: 'nach der Arbeit, nach Feierabend' },
  abends: { from: h(17), to: h(22), coarse: 'abends', words: 'abends, am Abend, gegen Abend' },
};

/** True for a value of the table (snapshots and tool arguments are checked with it). */
export function isPartOfDay(value: string): value is PartOfDay {
  return (PARTS_OF_DAY as readonly string[]).includes(value);
}

/** The coarse part of the day of a finer one ("spaetnachmittags" → "nachmittags"). */
export function coarsePartOfDay(part: PartOfDay): CoarsePartOfDay {
  return PART_OF_DAY_RANGES[part].coarse;
}

/** True when a local minute of the day lies in the part of the day. */
export function isInPartOfDay(part: PartOfDay, minuteOfDay: number): boolean {
  const range = PART_OF_DAY_RANGES[part];
  return minuteOfDay >= range.from && minuteOfDay < range.to;
}
