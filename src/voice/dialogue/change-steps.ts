import { DateTime } from 'luxon';
import type { AppointmentChoice } from './dialogue-state.js';
import { ANYTHING_ELSE, ASK_RESCHEDULE_TIME } from '../../german/speak/lines.js';
import type { Facts } from './read-utterance.js';
import type { Turn } from './turn.js';

const KEEP_IT = 'In Ordnung, dann bleibt alles, wie es ist.';

/** The number to look the caller's appointments up by, when it is not the calling one. */
function phoneArg(t: Turn, f: Facts): { telefon?: string } {
  const s = t.state;
  // Digits in a sentence that names a day or time are the day or time ("auf den 27.11. um 10:15"), not a number.
  if (f.phone && !f.hasWhen) s.phone = f.phone;
  return s.phone && s.phone !== s.callerNumber ? { telefon: s.phone } : {};
}

/** Which of several listed appointments the caller means: by position, day and time, service or staff member. */
function pickChoice(t: Turn, f: Facts): AppointmentChoice | null {
  const choices = t.state.choices;
  if (f.ordinal !== null) return (f.ordinal === -1 ? choices[choices.length - 1] : choices[f.ordinal]) ?? null;
  const zone = t.directory.business.timeZone;
  const matching = choices.filter((c) => {
    const local = DateTime.fromISO(c.start, { zone });
    if (f.when.date && local.toFormat('yyyy-MM-dd') !== f.when.date) return false;
    if (f.when.time && local.toFormat('HH:mm') !== f.when.time) return false;
    if (f.serviceIds.length > 0 && !f.serviceIds.includes(c.serviceId)) return false;
    if (f.staff?.kind === 'named' && !f.staff.staffIds.includes(c.staffId)) return false;
    return f.hasWhen || f.serviceIds.length > 0 || f.staff?.kind === 'named';
  });
  return matching.length === 1 ? matching[0]! : null;
}

/** The day and time of a chosen appointment, as tool arguments. */
function whenOf(t: Turn, choice: AppointmentChoice): { datum: string; uhrzeit: string } {
  const local = DateTime.fromISO(choice.start, { zone: t.directory.business.timeZone });
  return { datum: local.toFormat('yyyy-MM-dd'), uhrzeit: local.toFormat('HH:mm') };
}

/** Remembers the appointments a tool listed when it needed the caller to say which one. */
function rememberChoices(t: Turn, listed: unknown): void {
  const rows = Array.isArray(listed) ? (listed as Array<{ id: string; start: string; service_id: string; staff_id: string }>) : [];
  t.state.choices = rows.map((r) => ({ id: r.id, start: r.start, serviceId: r.service_id, staffId: r.staff_id }));
}

/** Cancels the caller's appointment; with several, asks which one and cancels the one named next. */
export async function cancelStep(t: Turn, f: Facts): Promise<void> {
  const s = t.state;
  if (s.phase === 'cancel_pick' && f.intent === 'no' && !f.hasWhen) {
    s.phase = 'anything_else';
    return t.say(`${KEEP_IT} ${ANYTHING_ELSE}`);
  }
  const picked = s.phase === 'cancel_pick' ? pickChoice(t, f) : null;
  const when = picked ? whenOf(t, picked) : { ...(f.when.date ? { datum: f.when.date } : {}), ...(f.when.time ? { uhrzeit: f.when.time } : {}) };
  const result = await t.tool('cancel_appointment', { ...when, ...phoneArg(t, f) });
  if (!result) return;
  if (result.error === 'several_appointments' || result.error === 'phone_required') {
    s.phase = 'cancel_pick';
    rememberChoices(t, result.appointments);
    return t.say(result.result);
  }
  if (result.cancelled === true) s.outcome = 'cancelled_appointment';
  s.phase = 'anything_else';
  s.choices = [];
  t.say(`${result.result} ${ANYTHING_ELSE}`);
}

/** Moves an appointment: with the new time in the same sentence at once, otherwise asks for it. */
export async function rescheduleStep(t: Turn, f: Facts): Promise<void> {
  const s = t.state;
  if (s.phase !== 'reschedule') {
    s.phase = 'reschedule';
    s.date = null;
    s.time = null;
    s.choices = [];
    s.moving = null;
  } else if (f.intent === 'no' && !f.hasWhen) {
    s.phase = 'anything_else';
    return t.say(`${KEEP_IT} ${ANYTHING_ELSE}`);
  }
  // Several appointments were listed: this answer says which one is to move, not where to.
  if (s.choices.length > 0 && !s.moving) {
    const picked = pickChoice(t, f);
    if (!picked) return t.say('Welchen der Termine soll ich verschieben?');
    s.moving = picked;
    s.choices = [];
    if (!s.date || !s.time) return t.say(ASK_RESCHEDULE_TIME);
  } else {
    if (f.when.date) s.date = f.when.date;
    if (f.when.time) s.time = f.when.time;
  }
  if (!s.date && !s.time) return t.say(ASK_RESCHEDULE_TIME);
  if (!s.date) return t.say('An welchem Tag soll der Termin stattfinden?');
  if (!s.time) return t.say('Und um welche Uhrzeit?');
  const namedId = f.staff?.kind === 'named' ? f.staff.staffIds[0] : undefined;
  const named = namedId ? t.directory.staff.find((m) => m.id === namedId) : undefined;
  const result = await t.tool('reschedule_appointment', {
    datum: s.date,
    uhrzeit: s.time,
    ...(named ? { mitarbeiter: named.name } : {}),
    ...(s.moving ? { alter_termin: whenOf(t, s.moving).datum } : {}),
    ...phoneArg(t, f),
  });
  if (!result) return;
  if (result.rescheduled === true) {
    s.outcome = 'rescheduled_appointment';
    s.phase = 'anything_else';
    s.moving = null;
    return t.say(`${result.result} ${ANYTHING_ELSE}`);
  }
  if (result.error === 'several_appointments') {
    rememberChoices(t, result.appointments);
    return t.say(result.result);
  }
  if (result.error === 'no_appointment') {
    s.phase = 'anything_else';
    return t.say(`${result.result} ${ANYTHING_ELSE}`);
  }
  // Taken, closed, or a number to ask: stay in the move with the answer said; the next words try again.
  s.date = null;
  s.time = null;
  t.say(result.result);
}
