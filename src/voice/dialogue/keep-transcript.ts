import type { Utterance } from '../conversation.js';

/** Most utterances kept of a call: an hour of brisk back-and-forth is well under a thousand. */
export const MAX_KEPT_UTTERANCES = 1_000;
/** Most characters kept of a call's transcript: about three hours of continuous speech. */
export const MAX_KEPT_CHARS = 200_000;

/**
 * The part of a transcript a call keeps (in memory until it ends, then in its record): the latest utterances, up
 * to MAX_KEPT_UTTERANCES and MAX_KEPT_CHARS, so a call never holds more than a bounded amount whatever Retell (or
 * anyone else on the socket) sends. The dialogue itself reads each turn's own transcript, not this.
 */
export function keepTranscript(transcript: Utterance[]): Utterance[] {
  const kept: Utterance[] = [];
  let chars = 0;
  for (let i = transcript.length - 1; i >= 0 && kept.length < MAX_KEPT_UTTERANCES; i--) {
    const u = transcript[i]!;
    const room = MAX_KEPT_CHARS - chars;
    if (u.content.length > room) {
      // The oldest utterance kept is cut from its start; nothing before it fits.
      if (room > 1) kept.push({ role: u.role, content: `…${tail(u.content, room - 1)}` });
      break;
    }
    kept.push({ role: u.role, content: u.content });
    chars += u.content.length;
  }
  return kept.reverse();
}

/** The last `length` UTF-16 units of `text`, never starting inside a surrogate pair (half a pair cannot be stored). */
function tail(text: string, length: number): string {
  const cut = text.slice(text.length - length);
  const first = cut.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? cut.slice(1) : cut;
}
