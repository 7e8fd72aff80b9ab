import { DateTime } from 'luxon';
import type { Offer } from './dialogue-state.js';
import { ANYTHING_ELSE, ASK_NAME, ASK_OTHER_TIME, ASK_PHONE, ASK_TIME, ASK_WHICH_OFFER, FILLER_BOOKING, PHONE_NOT_UNDERSTOOD, askConfirmPhone, askService, confirmChoice } from '../../german/speak/lines.js';
import type { Facts } from './read-utterance.js';
import type { Turn } from './turn.js';

/** Takes what the caller said about service, staff and time into the state; a correction replaces only what it names. */
export function mergeWish(t: Turn, f: Facts): void {
  const s = t.state;
  if (f.serviceIds[0]) s.serviceId = f.serviceIds[0];
  if (f.staff?.kind === 'any') s.staff = 'any';
  if (f.staff?.kind === 'named' && f.staff.staffIds[0]) s.staff = f.staff.staffIds[0];
  if (!f.hasWhen) return;
  const w = f.when;
  // A new day keeps an agreed time ("nein, lieber Donnerstag"), a new time keeps the day; a new day without a time
  // in a fresh request drops a part of day said for another day.
  if (w.date) s.date = w.date;
  if (w.time) {
    s.time = w.time;
    s.partOfDay = null;
  }
  if (w.partOfDay) {
    s.partOfDay = w.partOfDay;
    if (!w.time) s.time = null;
  }
  s.earliest = w.earliest === true;
  if (s.earliest) {
    s.date = w.date;
    s.time = null;
  }
}

/** Asks for what is missing, or looks for slots once service and time are known. */
export async function collect(t: Turn, f: Facts): Promise<void> {
  const s = t.state;
  mergeWish(t, f);
  s.phase = 'collect';
  if (!s.serviceId) return t.say(askService(t.directory));
  if (!s.date && !s.time && !s.partOfDay && !s.earliest) return t.say(ASK_TIME);
  await checkAndOffer(t);
}

/** Runs check_availability for the current wish and offers what it found (the tool holds the offered slots). */
export async function checkAndOffer(t: Turn): Promise<void> {
  const s = t.state;
  const service = t.directory.services.find((x) => x.id === s.serviceId);
  if (!service) return t.say(askService(t.directory));
  const result = await t.tool('check_availability', {
    dienstleistung: service.name,
    ...(s.date ? { datum: s.date } : {}),
    ...(s.time ? { uhrzeit: s.time } : s.partOfDay ? { uhrzeit: s.partOfDay } : s.earliest ? { uhrzeit: 'so früh wie möglich' } : {}),
    ...(s.staff && s.staff !== 'any' ? { mitarbeiter: staffFullName(t, s.staff) } : {}),
  });
  if (!result) return;
  const offers = [...(result.slot ? [result.slot] : []), ...((result.alternatives as unknown[] | undefined) ?? [])] as Array<{ start: string; staff_id: string; speech: string }>;
  s.offers = offers.map((o) => ({ start: o.start, staffId: o.staff_id, speech: o.speech }));
  if (s.offers.length > 0) {
    s.phase = 'offered';
    s.outcome = null;
    return t.say(result.result);
  }
  s.outcome = 'no_availability';
  s.date = null;
  s.time = null;
  s.partOfDay = null;
  t.say(`${result.result} ${ASK_OTHER_TIME}`);
}

/** Which offered slot the caller means: by position, by time or day, by staff member, or the only one. */
export function pickOffer(t: Turn, f: Facts): Offer | 'new_wish' | 'unclear' | 'declined' {
  const s = t.state;
  const zone = t.directory.business.timeZone;
  if (f.ordinal !== null) return (f.ordinal === -1 ? s.offers[s.offers.length - 1] : s.offers[f.ordinal]) ?? 'unclear';
  const local = (o: Offer) => DateTime.fromISO(o.start, { zone });
  let matching = s.offers;
  if (f.hasWhen) {
    matching = matching.filter((o) => (!f.when.date || local(o).toFormat('yyyy-MM-dd') === f.when.date) && (!f.when.time || local(o).toFormat('HH:mm') === f.when.time));
    if (matching.length === 0) return 'new_wish';
  }
  if (f.staff?.kind === 'named') {
    const byStaff = matching.filter((o) => f.staff?.kind === 'named' && f.staff.staffIds.includes(o.staffId));
    if (byStaff.length === 0) return 'new_wish';
    matching = byStaff;
  }
  if (f.serviceIds[0] && f.serviceIds[0] !== s.serviceId) return 'new_wish';
  if (f.intent === 'no' && !f.hasWhen && f.staff === null) return 'declined';
  if (matching.length === 1 && (f.intent === 'yes' || f.hasWhen || f.staff !== null || f.intent === 'book')) return matching[0]!;
  if (matching.length > 1 && f.intent === 'yes' && !f.hasWhen && f.staff === null) return s.offers.length === 1 ? s.offers[0]! : 'unclear';
  return 'unclear';
}

export async function chooseOffer(t: Turn, f: Facts): Promise<void> {
  const s = t.state;
  const picked = pickOffer(t, f);
  if (picked === 'new_wish') return collect(t, f);
  if (picked === 'declined') {
    s.phase = 'collect';
    s.date = null;
    s.time = null;
    s.partOfDay = null;
    return t.say(ASK_OTHER_TIME);
  }
  if (picked === 'unclear') return t.say(s.offers.length > 1 ? ASK_WHICH_OFFER : 'Soll ich Ihnen den Termin eintragen?');
  s.chosen = picked;
  const service = t.directory.services.find((x) => x.id === s.serviceId);
  t.say(confirmChoice(picked, service?.name ?? 'der Termin'));
  await askDetailsOrBook(t);
}

/** Name (unless known), then the phone number (the calling one, confirmed by its last digits), then book. */
export async function askDetailsOrBook(t: Turn): Promise<void> {
  const s = t.state;
  if (!s.name) {
    s.phase = 'name';
    return t.say(ASK_NAME);
  }
  if (!s.phoneConfirmed) {
    s.phase = 'phone';
    if (s.knownCustomer && s.callerNumber) {
      // A known caller's number is the one we have on file: no need to read it back.
      s.phone = s.callerNumber;
      s.phoneConfirmed = true;
    } else {
      return t.say(s.phone ? askConfirmPhone(s.phone) : ASK_PHONE);
    }
  }
  await book(t);
}

export async function takeName(t: Turn, f: Facts): Promise<void> {
  const s = t.state;
  const name = f.name?.full ?? null;
  if (!name) return t.say('Wie war Ihr Name, bitte?');
  s.name = name;
  await askDetailsOrBook(t);
}

export async function takePhone(t: Turn, f: Facts): Promise<void> {
  const s = t.state;
  if (f.phone) {
    s.phone = f.phone;
    s.phoneConfirmed = true;
  } else if (f.intent === 'yes' && s.phone) {
    s.phoneConfirmed = true;
  } else if (f.intent === 'no') {
    s.phone = null;
    return t.say(ASK_PHONE);
  } else {
    return t.say(PHONE_NOT_UNDERSTOOD);
  }
  await book(t);
}

/** Books the chosen slot. "Eingetragen" is said only when the tool says the booking committed. */
export async function book(t: Turn): Promise<void> {
  const s = t.state;
  const chosen = s.chosen;
  const service = t.directory.services.find((x) => x.id === s.serviceId);
  if (!chosen || !service || !s.name || !s.phone) return t.say(ASK_TIME);
  const local = DateTime.fromISO(chosen.start, { zone: t.directory.business.timeZone });
  const result = await t.tool(
    'book_appointment',
    { dienstleistung: service.name, datum: local.toFormat('yyyy-MM-dd'), uhrzeit: local.toFormat('HH:mm'), mitarbeiter: staffFullName(t, chosen.staffId), name: s.name, telefon: s.phone },
    FILLER_BOOKING,
  );
  if (!result) return;
  if (result.booked === true) {
    s.phase = 'anything_else';
    s.outcome = 'booked';
    s.offers = [];
    s.chosen = null;
    return t.say(`Wunderbar. ${result.result} ${ANYTHING_ELSE}`);
  }
  const alternatives = (result.alternatives as Array<{ start: string; staff_id: string; speech: string }> | undefined) ?? [];
  if (alternatives.length > 0) {
    s.offers = alternatives.map((o) => ({ start: o.start, staffId: o.staff_id, speech: o.speech }));
    s.chosen = null;
    s.phase = 'offered';
    s.outcome = 'booking_conflict';
    return t.say(result.result);
  }
  s.phase = 'collect';
  t.say(`${result.result} ${ASK_OTHER_TIME}`);
}

/** Tool arguments name people as a caller would (readable in Retell's transcript); the id is the fallback. */
function staffFullName(t: Turn, staffId: string): string {
  return t.directory.staff.find((m) => m.id === staffId)?.name ?? staffId;
}
