/**
 * What the agent is asking, read from its last question as a caller would hear it. The patterns are loose on
 * purpose: the wording of the agent changes, a caller understands "Wie darf ich Sie notieren?" as well as
 * "Auf welchen Namen …?".
 */
export type Ask =
  | 'name'
  | 'confirm_phone'
  | 'confirm_readback'
  | 'phone'
  | 'confirm_cancel'
  | 'confirm_move'
  | 'offer_transfer'
  | 'which'
  | 'confirm_offer'
  | 'service'
  | 'time'
  | 'anything_else'
  | 'not_understood'
  | 'none';

const ASKS: Array<[Ask, RegExp]> = [
  ['not_understood', /wiederholen|nicht (ganz )?verstanden|noch einmal sagen/i],
  ['anything_else', /sonst noch|was kann ich für Sie tun|weiterhelfen|noch eine Frage/i],
  ['confirm_phone', /von der Sie anrufen|Endziffern|unter dieser Nummer|unter der Nummer .*(eintragen|erreichen)\?/i],
  ['confirm_readback', /(richtig|korrekt)\?|stimmt (das|so)\?/i],
  ['name', /Namen|Ihr Name|heißen Sie|für wen|wen darf ich/i],
  ['phone', /Telefonnummer|Nummer|Ziffer/i],
  ['confirm_cancel', /(absagen|stornieren|streichen)\?/i],
  ['time', /Auf welche[nm] Tag|welche Uhrzeit|Wann soll/i],
  ['confirm_move', /(Soll|Darf) ich .*(verschieben|verlegen)\?|wirklich .*(verschieben|verlegen)\?/i],
  ['offer_transfer', /verbinden|Kollegin|zurückruf|Rückruf/i],
  ['which', /Welche[rnms]? (der|davon|meinen|passt)|Welchen /i],
  ['service', /Welche Leistung|Dienstleistung|Was darf es sein|was möchten Sie machen lassen/i],
  ['confirm_offer', /eintragen\?|buchen\?|reservieren\?|passt (Ihnen )?das|recht\?|einverstanden|nehmen\?|Termin\?|in Ordnung\?/i],
  ['time', /Wann|Uhrzeit|welche[nm]? Tag|Zeit|Tageszeit|vormittags oder/i],
];

/** A sentence ends at . ? or !, but not at the dot of an ordinal ("am 27. November"). */
const SENTENCE_END = /(?<=[^\d\s][.?!]|\d[?!])\s+/;

/** The last question of a reply (or its last sentence when it asks nothing). */
export function lastQuestion(text: string): string {
  const sentences = text.split(SENTENCE_END).filter((s) => s.trim() !== '');
  const questions = sentences.filter((s) => s.trim().endsWith('?'));
  return questions.at(-1) ?? sentences.at(-1) ?? '';
}

export function readAsk(text: string): Ask {
  const last = lastQuestion(text);
  for (const [ask, pattern] of ASKS) if (pattern.test(last)) return ask;
  return 'none';
}

/** Sentences in which the agent says a change was made: "eingetragen", "abgesagt", "verschoben", not asked, not denied. */
export function claimsDone(text: string): Array<'booked' | 'cancelled' | 'moved'> {
  const out: Array<'booked' | 'cancelled' | 'moved'> = [];
  for (const s of text.split(SENTENCE_END)) {
    if (s.trim().endsWith('?') || /\bnicht\b|\bkein/i.test(s)) continue;
    if (/\beingetragen\b|\bgebucht\b/i.test(s)) out.push('booked');
    if (/\babgesagt\b|\bstorniert\b/i.test(s)) out.push('cancelled');
    if (/\bverschoben\b|\bverlegt\b/i.test(s)) out.push('moved');
  }
  return out;
}
