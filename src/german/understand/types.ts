import type { PartOfDay } from '../../parts-of-day.js';

/** The part of day a caller names; it qualifies a slot but is never a clock time. Ranges: src/parts-of-day.ts. */
export type { PartOfDay };

/** Days from `from` to `to`, both included, YYYY-MM-DD. */
export interface DatePeriod {
  from: string;
  to: string;
}

/** One requested slot: a calendar day (YYYY-MM-DD) and/or a clock time (HH:MM). */
export interface DateTimeOption {
  date: string | null;
  time: string | null;
}

/** What a caller asked for, read from one utterance. */
export interface DateTimeReading {
  /** Requested calendar day, YYYY-MM-DD, or null when no single day was named (never a guess such as today). */
  date: string | null;
  /** Requested clock time, HH:MM (24 h), or null. */
  time: string | null;
  partOfDay: PartOfDay | null;
  /** True when the utterance has two plausible readings; `alternative` holds the other one. */
  ambiguous: boolean;
  alternative?: DateTimeOption;
  /** "so früh wie möglich": the caller wants the earliest open slot. */
  earliest?: boolean;
  /** Further options the caller named ("Dienstag oder Mittwoch", "gegen elf, halb zwölf"), in order. */
  alternatives?: DateTimeOption[];
  /** ISO weekdays (1 = Monday) the caller ruled out ("mittwochs kann ich nie"). */
  excludedWeekdays?: number[];
  /**
   * A stretch of days named without one of its days ("nächste Woche", "im Dezember", "Anfang Januar"); `date` is
   * then null, so the dialogue asks which day or searches the stretch, instead of assuming its first day.
   */
  period?: DatePeriod;
}

/** Options the dialogue may pass in to settle genuine ambiguities. */
export interface ParseOptions {
  /**
   * Whether the business is open at this date (null when no day is known) and time. When exactly
   * one reading of an ambiguous clock time ("um sieben": 07:00 or 19:00) is open, it wins.
   */
  isOpen?: (date: string | null, time: string) => boolean;
}
