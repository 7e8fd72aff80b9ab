/**
 * Text written for the eye made fit for a text-to-speech voice: what a voice reads oddly or letter by letter
 * ("Waschen/Föhnen", "z. B.", "ca.", "45 Min.", "Dr.", "9-18 Uhr", "&") becomes the words a person would say.
 * Applied to everything the agent says that comes from data: service names and descriptions, the business's and
 * staff members' names, holiday names, closure reasons.
 */
export function forSpeech(text: string): string {
  let spoken = text;
  for (const [pattern, replacement] of REPLACEMENTS)
    spoken = typeof replacement === 'string' ? spoken.replace(pattern, replacement) : spoken.replace(pattern, replacement);
  // A replacement may meet the same word said around it ("ca. etwa"): a voice must not stutter.
  spoken = spoken.replace(DOUBLED, '$1');
  return spoken.replace(/\s{2,}/g, ' ').trim();
}

const unit = (one: string, many: string) => (_: string, count: string) => (count === '1' ? one : `${count} ${many}`);

const REPLACEMENTS: ReadonlyArray<readonly [RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  [/\bz\.\s?B\./g, 'zum Beispiel'],
  [/\bu\.\s?a\./g, 'unter anderem'],
  [/\bd\.\s?h\./g, 'das heißt'],
  [/\bu\.\s?U\./g, 'unter Umständen'],
  [/\bca\.\s?/gi, 'etwa '],
  [/\bbzw\./g, 'beziehungsweise'],
  [/\binkl\./g, 'inklusive'],
  [/\bexkl\./g, 'exklusive'],
  [/\bggf\./g, 'gegebenenfalls'],
  [/\bevtl\./g, 'eventuell'],
  [/\bmind\./g, 'mindestens'],
  [/\bmax\./g, 'höchstens'],
  [/\busw\./g, 'und so weiter'],
  [/\bDr\.\s?(?:(?:med|dent|rer\. nat)\.\s?)*/g, 'Doktor '],
  [/\bProf\.\s?/g, 'Professor '],
  [/\bNr\.\s?/g, 'Nummer '],
  [/\bStr\./g, 'Straße'],
  [/\bTel\.\s?/g, 'Telefon '],
  // Amounts with units: "45 Min.", "2 Std.", "1h", "49 €", "10 %".
  [/\b(\d+)\s?(?:Min\.?|min\.?|Minuten)(?![\p{L}\d])/gu, unit('eine Minute', 'Minuten')],
  [/\b(\d+)\s?(?:Std\.?|h|Stunden)(?![\p{L}\d])/gu, unit('eine Stunde', 'Stunden')],
  [/\b(\d+(?:,\d+)?)\s?(?:€|EUR)(?![\p{L}])/gu, '$1 Euro'],
  [/€\s?(\d+(?:,\d+)?)/g, '$1 Euro'],
  [/(\d)\s?%/g, '$1 Prozent'],
  // Ranges: "9-18 Uhr" is said "9 bis 18 Uhr".
  [/\b(\d{1,2}(?::\d{2})?)\s?[-–]\s?(\d{1,2}(?::\d{2})?)(?=\s?Uhr)/g, '$1 bis $2'],
  // "Waschen/Föhnen", "Waschen & Föhnen", "Schnitt + Farbe": both are done, so "und".
  [/(\p{L})\s*[/&+]\s*(\p{L})/gu, '$1 und $2'],
];

/** Words that never stand twice in a row in a sentence of ours ("etwa etwa", "und und"). */
const DOUBLED = /\b(etwa|und|oder|um|am|bei|für|leider|noch|gern|bitte|ungefähr)(?:\s+\1)+\b/g;
