/** Questions about a service: its price, its duration, or what it is. */
import { fold } from './normalize.js';

export type ServiceQuestion = 'price' | 'duration' | 'what';

const PRICE =
  /\b(was|wieviel|wie ?viel)\b.{0,20}\b(kostet|kosten|kostets|zahl\w*|bezahl\w*|verlang\w*|nehmt|nehmen)\b|\bwie teuer\b|\bpreis\w*\b|\bkostet\b|\bkosten\b|\bwas muss ich\b.{0,15}zahlen/;
const DURATION = /\bwie lange?\b.{0,25}\b(dauer\w*|brauch\w*|geht|sitz\w*|bin ich|ist man|habe ich)\b|\bdauer\b|\bdauert\b|\bwie ?viel zeit\b|\bwie lang ist\b/;
const WHAT =
  /\bwas (genau )?(ist|sind|bedeutet|beinhaltet|gehoert|macht|passiert|versteht man|heisst|bekomme|kriege)\b|\bwas ist (denn|eigentlich)\b|\berklaer\w*\b|\bwas (genau )?(wird|ist) (da|bei|denn)\b/;

/** Classifies a question about a service, or null when the text asks none of these. */
export function detectServiceQuestion(text: string): ServiceQuestion | null {
  const t = fold(text);
  if (PRICE.test(t)) return 'price';
  if (DURATION.test(t)) return 'duration';
  if (WHAT.test(t)) return 'what';
  return null;
}
