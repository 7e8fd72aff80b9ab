import { DateTime } from 'luxon';
import type { Facts } from '../../german/understand/index.js';
import { ASK_OTHER_TIME, ASK_TIME, FILLER, askService } from '../../german/speak/lines.js';
import {
  ASK_INSTEAD,
  askDayFor,
  askDayInWeek,
  askServiceAgain,
  asksForDayOrTime,
  askWhenAgain,
  firstFreeInWeek,
  nothingOnThatSide,
  unknownStaff,
  type WishSoFar,
} from '../../german/speak/lines-booking-flow.js';
import { serviceNameOf, serviceWordsOf } from '../../german/speak/phrase-appointments.js';
import { phraseOffer } from '../../german/speak/phrase-offer.js';
import { speakStaff } from '../../german/speak/speak.js';
import type { OfferOutcome, OfferRequest, OfferedSlot } from '../../reception/outcomes.js';
import { dayWordingOf } from './day-wording.js';
import type { Draft } from './draft.js';
import { notUnderstood } from './not-understood.js';
import type { Avoid, ServiceWish, Wish } from './state.js';

/** Takes what the caller said about service, staff and time into the wish; a correction replaces only what it names. */
function mergeWish(wish: Wish, f: Facts, zone: string): Wish {
  const next = { ...wish };
  if (f.serviceIds[0]) next.serviceId = f.serviceIds[0];
  if (f.staff?.kind === 'any') next.staff = 'any';
  if (f.staff?.kind === 'named' && f.staff.staffIds[0]) next.staff = f.staff.staffIds[0];
  if (!f.hasWhen) return next;
  const w = f.when;
  // "nächste Woche" names a week, not its Monday: the day stays open until the caller names one in it. The reader
  // gives such a week as a stretch of days (`period`) with no date, or, for some phrasings, as a date in it.
  const inWeek = w.date ?? w.period?.from ?? null;
  if (f.cues.weekOnly && inWeek) {
    next.week = DateTime.fromISO(inWeek, { zone }).startOf('week').toISODate();
    next.date = null;
  } else if (w.date) {
    next.date = next.week && f.cues.bareWeekday ? dayInWeek(w.date, next.week, zone) : w.date;
    next.week = null;
  }
  // A new day keeps an agreed time ("nein, lieber Donnerstag"), a new time keeps the day; a new part of day
  // without a time drops a time said for another part of the day.
  if (w.time) {
    next.time = w.time;
    next.partOfDay = null;
  }
  if (w.partOfDay) {
    next.partOfDay = w.partOfDay;
    if (!w.time) next.time = null;
  }
  next.earliest = w.earliest;
  if (next.earliest) {
    next.date = next.week ?? w.date;
    next.time = null;
  }
  // "Freitag" is said back as "am Freitag"; a day named otherwise ("morgen", "den 20.") as usual.
  if (w.date && next.date) next.weekdayDay = w.weekdayNamed === true ? next.date : null;
  return next;
}

/**
 * A bare weekday said after "nächste Woche" ("Mittwoch") is the Wednesday of that week, not the next one from
 * today; a date with a number ("am 26.") stands as said.
 */
function dayInWeek(date: string, week: string, zone: string): string {
  const monday = DateTime.fromISO(week, { zone });
  return monday.plus({ days: DateTime.fromISO(date, { zone }).weekday - 1 }).toISODate()!;
}

/** True when the utterance brings something for the wish. */
function readSomething(f: Facts, today: string): boolean {
  // A day that is already past ("das Wetter war ja gestern") is talk, not a wish.
  const pastDayOnly = f.when.date !== null && f.when.date < today && f.when.time === null;
  return (
    f.serviceIds.length > 0 ||
    (f.hasWhen && !pastDayOnly) ||
    f.staff !== null ||
    f.cues.unknownStaffName !== null ||
    f.cues.shift !== null ||
    f.cues.introducedName !== null ||
    f.cues.asksWhatIsFree ||
    f.phone !== null
  );
}

/** What is known of the wish, for saying it back. */
function wishSoFar(d: Draft, wish: Wish): WishSoFar {
  const member = d.directory.staff.find((m) => m.id === wish.staff);
  return {
    serviceName: wish.serviceId ? serviceNameOf(wish.serviceId, d.directory) : null,
    staffName: member ? speakStaff(member) : null,
    date: wish.date,
    time: wish.time,
    partOfDay: wish.partOfDay,
    wording: dayWordingOf(wish),
  };
}

/** Asks for what is missing, or looks for slots once service and day are known; never a day the caller did not say. */
export function collect(d: Draft, f: Facts, wish: Wish): void {
  const zone = d.directory.business.timeZone;
  // A question is open: the wish was asked for, or the turn before could not be used either; the greeting's "Wie kann
  // ich Ihnen helfen?" is one too, so noise as the first answer (a bare "ja, nee" included: nothing was asked to be
  // answered yes or no) already counts as a turn the agent could not use.
  const opening = d.step.phase === 'open' && (f.intent === 'unknown' || f.intent === 'yes' || f.intent === 'no');
  const asked = d.step.phase === 'collect' || d.state.memory.confused > 0 || opening;
  if (f.cues.shift && wish.time) return shiftWish(d, wish, wishInstant(wish, zone, d.now), f.cues.shift, []);
  const merged = mergeWish(wish, f, zone);
  // "Was haben Sie denn frei?" with no day said: the first free slots answer it (no day is assumed for a booking).
  if (f.cues.asksWhatIsFree && !merged.date && !merged.time && !merged.week) merged.earliest = true;
  d.to({ phase: 'collect', wish: merged });
  if (f.cues.unknownStaffName && f.staff === null) return d.say(unknownStaff(f.cues.unknownStaffName, staffNames(d, merged.serviceId)));
  // Asked already and nothing readable came back: say what is known and ask for the missing part in other words (a
  // yes or no answers "Welche Leistung?" no more than noise does).
  // A yes or no answers "Möchten Sie dafür einen Termin?", never "Wann hätten Sie denn Zeit?".
  const yesNoAnswers = !asksForDayOrTime(d.state.memory.lastLine);
  if (
    asked &&
    !readSomething(f, DateTime.fromJSDate(d.now, { zone }).toISODate() ?? '') &&
    (opening || !merged.serviceId || !yesNoAnswers || (f.intent !== 'yes' && f.intent !== 'no'))
  ) {
    return merged.serviceId
      ? notUnderstood(
          d,
          [0, 1, 2].map((i) => askWhenAgain(wishSoFar(d, merged), zone, d.now, i)),
        )
      : notUnderstood(d, askServiceAgain(d.directory));
  }
  if (!merged.serviceId) return d.say(askService(d.directory));
  if (merged.week && !merged.date && !merged.earliest) {
    // "egal", "ja" or "nennen Sie mir die ersten" to "oder soll ich Ihnen die ersten freien Termine der Woche nennen?".
    const takeFirst = asked && (f.intent === 'yes' || f.staff?.kind === 'any' || f.cues.asksWhatIsFree);
    if (!takeFirst) return d.say(askDayInWeek(merged.week, zone, d.now));
    return checkAndOffer(d, {
      ...merged,
      serviceId: merged.serviceId,
      date: merged.week,
      earliest: true,
      staff: f.staff?.kind === 'any' && wish.staff === null ? null : merged.staff,
    });
  }
  if (!merged.date && !merged.time && !merged.partOfDay && !merged.earliest) return d.say(ASK_TIME);
  // A time or part of day without a day: ask for the day rather than take the next one that has it.
  if (!merged.date && !merged.earliest) {
    // Asked again, in other words than the line just said.
    const asks = [0, 1, 2].map((i) => askDayFor(wishSoFar(d, merged), i));
    return d.say(asks.find((line) => !d.state.memory.lastLine.endsWith(line)) ?? asks[0]!);
  }
  checkAndOffer(d, { ...merged, serviceId: merged.serviceId });
}

/** The wish's day and time as an instant; without a day, today (only the time is shifted then). */
function wishInstant(wish: Wish, zone: string, now: Date): string {
  const day = wish.date ?? DateTime.fromJSDate(now, { zone }).toISODate()!;
  return DateTime.fromISO(`${day}T${wish.time}`, { zone }).toUTC().toISO()!;
}

/**
 * A correction relative to what was on the table ("eine Stunde später", "den Tag danach"): the new wish is the old
 * slot moved by the shift; what was turned down, and anything on the wrong side of it, is not offered again.
 */
export function shiftWish(d: Draft, wish: Wish, base: string, shift: NonNullable<Facts['cues']['shift']>, declined: readonly OfferedSlot[]): void {
  const zone = d.directory.business.timeZone;
  const at = DateTime.fromISO(base, { zone }).plus({ minutes: shift.minutes, days: shift.days });
  const moved: Wish = { ...wish, date: at.toISODate(), time: at.toFormat('HH:mm'), partOfDay: null, earliest: false, week: null };
  if (!moved.serviceId) {
    d.to({ phase: 'collect', wish: moved });
    return d.say(askService(d.directory));
  }
  const later = shift.minutes + shift.days * 1440 > 0;
  const avoid: Avoid = {
    startsAt: [base, ...declined.map((s) => s.startsAt)],
    after: shift.minutes !== 0 && later ? base : null,
    before: shift.minutes !== 0 && !later ? base : null,
  };
  checkAndOffer(d, { ...moved, serviceId: moved.serviceId }, avoid);
}

/** The names of the staff, those who perform the service first when it is known. */
function staffNames(d: Draft, serviceId: string | null): string[] {
  const doing = d.directory.staff.filter((m) => !serviceId || m.serviceIds.length === 0 || m.serviceIds.includes(serviceId));
  return (doing.length > 0 ? doing : d.directory.staff).map(speakStaff);
}

/** The wish as the reception takes it: a clock time wins over a part of day, either over "so früh wie möglich". */
function offerRequest(wish: ServiceWish): OfferRequest {
  return {
    serviceId: wish.serviceId,
    staffId: staffOf(wish),
    date: wish.date,
    time: wish.time,
    partOfDay: wish.time ? null : wish.partOfDay,
    earliest: !wish.time && !wish.partOfDay && wish.earliest,
  };
}

/** Asks the reception for the wished slot or the nearest ones (it holds what it offers). */
function checkAndOffer(d: Draft, wish: ServiceWish, avoid: Avoid | null = null): void {
  if (!d.directory.services.some((s) => s.id === wish.serviceId)) {
    d.to({ phase: 'collect', wish: { ...wish, serviceId: null } });
    return d.say(askService(d.directory));
  }
  d.to(avoid ? { phase: 'checking', wish, avoid } : { phase: 'checking', wish });
  d.run({ operation: 'offer', request: offerRequest(wish) }, FILLER);
}

/** The offer without what the caller just turned down, or on the wrong side of it. */
function withoutAvoided(outcome: OfferOutcome, avoid: Avoid | null | undefined): OfferOutcome {
  if (!avoid) return outcome;
  const keep = (s: OfferedSlot) =>
    !avoid.startsAt.includes(s.startsAt) && (!avoid.after || s.startsAt > avoid.after) && (!avoid.before || s.startsAt < avoid.before);
  if (outcome.kind === 'exact') return keep(outcome.slot) ? outcome : { kind: 'none', reason: 'taken' };
  if (outcome.kind !== 'alternatives') return outcome;
  const [first, ...rest] = outcome.slots.filter(keep);
  return first ? { ...outcome, slots: [first, ...rest] } : { kind: 'none', reason: 'taken' };
}

/** Offers what the reception found, or says that nothing is free and asks for another time. */
export function answerOffer(d: Draft, wish: ServiceWish, found: OfferOutcome, avoid?: Avoid | null): void {
  const outcome = withoutAvoided(found, avoid);
  const service = serviceWordsOf(wish.serviceId, d.directory);
  if (outcome.kind === 'unknown_service') {
    d.to({ phase: 'collect', wish: { ...wish, serviceId: null } });
    return d.say(askService(d.directory));
  }
  const member = d.directory.staff.find((m) => m.id === staffOf(wish));
  // The first free slots of a week the caller left open: a closed Monday in it refuses nothing the caller asked for.
  const firstOfWeek = wish.week && wish.earliest && outcome.kind === 'alternatives';
  const reply = phraseOffer(firstOfWeek ? { ...outcome, reason: 'no_time_given', detail: undefined } : outcome, {
    directory: d.directory,
    now: d.now,
    service,
    staffName: member ? speakStaff(member) : undefined,
    wording: dayWordingOf(wish),
    after: d.state.memory.lastLine,
    partOfDay: wish.date && wish.partOfDay && !wish.time && !wish.week ? { date: wish.date, partOfDay: wish.partOfDay } : undefined,
  });
  if (outcome.kind === 'invalid_wish') {
    d.to({ phase: 'collect', wish: { ...wish, date: null, time: null, partOfDay: null } });
    return d.say(`${reply} ${ASK_TIME}`);
  }
  if (outcome.kind === 'unknown_staff') {
    d.to({ phase: 'collect', wish: { ...wish, staff: null } });
    return d.say(`${reply} ${ASK_OTHER_TIME}`);
  }
  const slots = outcome.kind === 'exact' ? [outcome.slot] : outcome.kind === 'alternatives' ? outcome.slots : [];
  const [first, ...rest] = slots;
  if (first) {
    d.to({ phase: 'offered', wish, offers: [first, ...rest] });
    d.state.memory.outcome = null;
    return d.say(wish.week && wish.earliest ? `${firstFreeInWeek(wish.week, d.directory.business.timeZone)} ${reply}` : reply);
  }
  d.state.memory.outcome = 'no_availability';
  d.to({ phase: 'collect', wish: { ...wish, date: null, time: null, partOfDay: null, week: null } });
  // Everything on the side the caller asked for was turned down or taken: say so rather than "nothing free at all".
  if (avoid && found.kind !== 'none') return d.say(`${nothingOnThatSide(avoid.after !== null, avoid.before !== null)} ${ASK_INSTEAD}`);
  d.say(`${reply} ${ASK_OTHER_TIME}`);
}

/** The staff member the caller asked for; null for anyone. */
function staffOf(wish: Wish): string | null {
  return wish.staff && wish.staff !== 'any' ? wish.staff : null;
}
