/**
 * What the agent is asking for, read from its last question. Only speech tells "which name?" from "which
 * number?"; offers, bookings and moves are read from the tool results instead, which do not change with the
 * wording. A cue that matches nothing is counted, so a change of wording shows up in the report rather than
 * as callers that silently give up.
 */
export type Cue =
  | 'apology'
  | 'not_understood'
  | 'ask_name'
  | 'confirm_phone'
  | 'ask_phone'
  | 'ask_move_time'
  | 'which_offer'
  | 'confirm_offer'
  | 'ask_service'
  | 'ask_time'
  | 'anything_else'
  | 'unknown';

/** The transport's and the dialogue's apology for a failed or overrunning turn. */
const APOLOGY = /etwas schiefgelaufen/i;

const CUES: Array<[Cue, RegExp]> = [
  ['not_understood', /wiederholen|noch einmal sagen/i],
  ['ask_name', /Namen|Ihr Name/i],
  ['confirm_phone', /Endziffern|von der Sie anrufen/i],
  ['ask_phone', /Telefonnummer|Nummer|Ziffer für Ziffer/i],
  ['ask_move_time', /verschieben\?|Auf welchen Tag/i],
  ['which_offer', /Welche[rnm]? (der Termine|meinen Sie)/i],
  ['confirm_offer', /Soll ich .*eintragen\?/i],
  ['ask_service', /Welche Leistung/i],
  ['ask_time', /Wann (hätten|würde|passt)|welche Uhrzeit|An welchem Tag/i],
  ['anything_else', /sonst noch etwas|was kann ich für Sie tun|Möchten Sie dafür einen Termin/i],
];

/** The cue of a reply: its last question (or its last sentence when it asks nothing). */
export function readCue(text: string): Cue {
  if (APOLOGY.test(text)) return 'apology';
  const sentences = text.split(/(?<=[.?!])\s+/).filter((s) => s.trim() !== '');
  const questions = sentences.filter((s) => s.trim().endsWith('?'));
  const last = questions[questions.length - 1] ?? sentences[sentences.length - 1] ?? '';
  for (const [cue, pattern] of CUES) if (pattern.test(last)) return cue;
  return 'unknown';
}
