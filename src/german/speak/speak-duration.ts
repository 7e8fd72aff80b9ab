const NUMBER_WORDS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];

/** "eine Stunde", "zwei Stunden" … "zwölf Stunden", then digits. */
function hours(count: number): string {
  return count === 1 ? 'eine Stunde' : `${NUMBER_WORDS[count] ?? count} Stunden`;
}

/** The count as the first part of a word: "ein(einhalb)", "zwei(dreiviertel)"; digits past twelve ("13 einhalb" is not said). */
function hoursPrefix(count: number): string | null {
  if (count === 1) return 'ein';
  return count <= 12 ? NUMBER_WORDS[count]! : null;
}

/** Below an hour: the quarter hours as people say them, other counts in digits ("20 Minuten"). */
function minutes(count: number): string {
  switch (count) {
    case 1:
      return 'eine Minute';
    case 15:
      return 'eine Viertelstunde';
    case 30:
      return 'eine halbe Stunde';
    case 45:
      return 'eine Dreiviertelstunde';
    default:
      return `${count} Minuten`;
  }
}

/**
 * A length of time, exactly, as a receptionist says it: "eine halbe Stunde", "eine Dreiviertelstunde",
 * "eine Stunde", "eineinhalb Stunden", "eindreiviertel Stunden", "zwei Stunden und 10 Minuten". Never rounded and
 * never with "etwa": a sentence that wants "etwa" says it once itself.
 */
export function speakDuration(totalMinutes: number): string {
  const total = Math.max(0, Math.round(totalMinutes));
  if (total < 60) return minutes(total);
  const whole = Math.floor(total / 60);
  const rest = total % 60;
  if (rest === 0) return hours(whole);
  const prefix = hoursPrefix(whole);
  if (prefix && rest === 30) return `${prefix}einhalb Stunden`;
  if (prefix && rest === 45) return `${prefix}dreiviertel Stunden`;
  return `${hours(whole)} und ${rest === 1 ? 'eine Minute' : `${rest} Minuten`}`;
}
