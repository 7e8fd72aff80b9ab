/**
 * Word lists of the time parser, keyed by folded spelling (lower case, ä→ae, ö→oe, ü→ue, ß→ss).
 * Written weekday abbreviations ("Mo.", "Di", "Sa.") are read in tokens.ts only where a date or a
 * clock time stands beside them: "so" is a filler and "Fr." is also "Frau" (rule 10 of the time spec).
 */
import type { PartOfDay } from '../types.js';

/** Weekday names → ISO weekday (1 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['montag', 1],
  ['dienstag', 2],
  ['mittwoch', 3],
  ['mitwoch', 3],
  ['donnerstag', 4],
  ['freitag', 5],
  ['samstag', 6],
  ['sonnabend', 6],
  ['sonntag', 7],
  // The north and Berlin say (and transcripts write) "-tach": "Dienstach", "Freitach".
  ['montach', 1],
  ['dienstach', 2],
  ['donnerstach', 4],
  ['freitach', 5],
  ['samstach', 6],
  ['sonntach', 7],
]);

/** Written abbreviations of the weekdays; tokens.ts reads them only next to a date or a clock time. */
export const WEEKDAY_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mo', 'montag'],
  ['di', 'dienstag'],
  ['mi', 'mittwoch'],
  ['do', 'donnerstag'],
  ['fr', 'freitag'],
  ['sa', 'samstag'],
  ['so', 'sonntag'],
]);

/** Adverbial forms ("mittwochs"): habitual, mostly heard in constraints ("mittwochs kann ich nie"). */
export const HABITUAL_WEEKDAYS: ReadonlyMap<string, number> = new Map([...WEEKDAYS].map(([w, n]) => [`${w}s`, n] as const));

/** Month names and their written abbreviations → month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1],
  ['jaenner', 1],
  ['jan', 1],
  ['februar', 2],
  ['feber', 2],
  ['feb', 2],
  ['maerz', 3],
  ['marz', 3],
  ['april', 4],
  ['apr', 4],
  ['mai', 5],
  ['juni', 6],
  ['jun', 6],
  ['juli', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['oktober', 10],
  ['okt', 10],
  ['november', 11],
  ['nov', 11],
  ['dezember', 12],
  ['dez', 12],
]);

/**
 * Part-of-day words whose meaning does not depend on context. "morgen" (tomorrow or morning)
 * and "früh" (morning or "as early as") are decided in part-of-day.ts.
 */
export const PARTS_OF_DAY: ReadonlyMap<string, PartOfDay> = new Map([
  ['morgens', 'morgens'],
  ['fruehmorgens', 'frueh'],
  ['morgenstunden', 'morgens'],
  ['vormittag', 'vormittags'],
  ['vormittags', 'vormittags'],
  ['vormittach', 'vormittags'],
  ['mittag', 'mittags'],
  ['mittags', 'mittags'],
  ['mittach', 'mittags'],
  ['mittagspause', 'mittags'],
  ['mittagszeit', 'mittags'],
  ['nachmittag', 'nachmittags'],
  ['nachmittags', 'nachmittags'],
  ['nachmittach', 'nachmittags'],
  ['spaetnachmittag', 'spaetnachmittags'],
  ['spaetnachmittags', 'spaetnachmittags'],
  ['abend', 'abends'],
  ['abends', 'abends'],
  ['spaetabends', 'abends'],
  ['fruehabends', 'abends'],
]);

/** Canonical part-of-day word for a compound tail ("…vormittag", "…abends", "…morgen"). */
export const POD_TAILS: ReadonlyMap<string, string> = new Map([
  ['morgen', 'morgens'],
  ['morgens', 'morgens'],
  ['frueh', 'frueh'],
  ['vormittag', 'vormittag'],
  ['vormittags', 'vormittags'],
  ['vormittach', 'vormittag'],
  ['mittag', 'mittag'],
  ['mittags', 'mittags'],
  ['mittach', 'mittag'],
  ['nachmittag', 'nachmittag'],
  ['nachmittags', 'nachmittags'],
  ['nachmittach', 'nachmittag'],
  ['abend', 'abend'],
  ['abends', 'abends'],
]);

/** Words that carry no time information and may appear anywhere ("äh, so, halt, mal …"). */
export const FILLERS: ReadonlySet<string> = new Set([
  'aeh',
  'aehm',
  'aehh',
  'aehhm',
  'aehmm',
  'oeh',
  'oehm',
  'oehh',
  'ehm',
  'em',
  'eh',
  'hm',
  'hmm',
  'hmmm',
  'mh',
  'mhm',
  'hmhm',
  'halt',
  'mal',
  'also',
  'so',
  'eben',
  'ja',
  'jaja',
  'jo',
  'naja',
  'na',
  'nun',
  'tja',
  'irgendwie',
  'quasi',
  'sozusagen',
  'eigentlich',
  'vielleicht',
  'eventuell',
  'evtl',
  'bitte',
  'gerne',
  'gern',
  'denn',
  'wohl',
  'ok',
  'okay',
  'genau',
  'einfach',
  'schon',
  'dann',
  'noch',
  'gleich',
  'auch',
  'nur',
  'bestimmt',
  'wirklich',
  'ziemlich',
  'irgendwann',
  'moeglicherweise',
]);

/** "so um drei rum", "zehn, elf Uhr herum": after a number they make it an approximate clock time. */
export const ROUND_ABOUT: ReadonlySet<string> = new Set(['rum', 'herum', 'rumm']);

/** Markers after which a bare number is a clock time ("um drei", "gegen elf", "Punkt zehn"). */
export const CLOCK_MARKERS: ReadonlySet<string> = new Set(['um', 'gegen', 'ca', 'circa', 'zirka', 'ungefaehr', 'etwa', 'punkt', 'puenktlich']);

/** Markers that open a range; the range reduces to its start (rule 5). */
export const RANGE_START_MARKERS: ReadonlySet<string> = new Set(['ab', 'von', 'fruehestens', 'zwischen', 'nach']);

/** Markers of a deadline ("bis zwölf", "spätestens um vier"): a limit, not a requested time. */
export const DEADLINE_MARKERS: ReadonlySet<string> = new Set(['bis', 'spaetestens', 'vor']);

/** Words a date expression may be separated by without breaking it ("Dienstag, den 3."). */
export const DATE_GLUE: ReadonlySet<string> = new Set(['am', 'an', 'den', 'dem', 'der', 'des', 'die', 'im', ',', 'also', 'dann']);

/** Abbreviations whose trailing dot is not a sentence end. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'ca',
  'bzw',
  'evtl',
  'usw',
  'nr',
  'str',
  'dr',
  'hr',
  'fr',
  'z',
  'b',
  'jan',
  'feb',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez',
  'uhr',
]);

/** Words that introduce a new fact replacing an earlier one in the same utterance. */
export const CORRECTION_MARKERS: ReadonlySet<string> = new Set([
  'nein',
  'nee',
  'ne',
  'noe',
  'sondern',
  'aber',
  'lieber',
  'besser',
  'korrektur',
  'quatsch',
  'moment',
  'vielmehr',
  'stattdessen',
  'eher',
]);

/** Words that drop the weekday they precede from the request without making it a constraint. */
export const REPLACED_MARKERS: ReadonlySet<string> = new Set(['statt', 'anstatt', 'anstelle']);

/** Negations that turn a weekday into a constraint ("mittwochs kann ich nie"). */
export const NEGATIONS: ReadonlySet<string> = new Set(['nicht', 'nie', 'niemals', 'keine', 'keinesfalls', 'schlecht', 'unguenstig', 'ausgeschlossen']);

/** Words after "nicht" that show the negation is about the clock time, not the day ("nicht vor zehn"). */
export const NEGATION_TIME_SCOPE: ReadonlySet<string> = new Set([
  'vor',
  'nach',
  'zu',
  'frueher',
  'spaeter',
  'erst',
  'um',
  'ab',
  'bis',
  'allzu',
  'vormittags',
  'nachmittags',
  'abends',
  'morgens',
  'mittags',
  'frueh',
  'spaet',
  'so',
]);

/** Week modifiers → weeks ahead: "nächste Woche" 1, "diese Woche" 0, "übernächste Woche" 2. */
export const WEEK_MODS: ReadonlyMap<string, number> = new Map([
  ['naechste', 1],
  ['naechster', 1],
  ['naechsten', 1],
  ['kommende', 1],
  ['kommender', 1],
  ['kommenden', 1],
  ['folgende', 1],
  ['folgenden', 1],
  ['diese', 0],
  ['dieser', 0],
  ['diesen', 0],
  ['laufenden', 0],
  ['uebernaechste', 2],
  ['uebernaechster', 2],
  ['uebernaechsten', 2],
]);

/** After a number, these make it a count or an occasion, not a day of the month ("zweiten Termin", "10 Uhr"). */
export const NOT_A_DAY_AFTER: ReadonlySet<string> = new Set([
  'termin',
  'termine',
  'vorschlag',
  'option',
  'platz',
  'versuch',
  'moeglichkeit',
  'angebot',
  'uhr',
  'ordinal-mal',
  'stock',
  'klasse',
]);
