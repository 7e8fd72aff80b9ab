import { DateTime } from 'luxon';
import type { Facts } from '../../german/understand/index.js';
import { ASK_OTHER_TIME, confirmSlot } from '../../german/speak/lines.js';
import { THE_ONE_AGAIN, WHICH_OFFER_AGAIN } from '../../german/speak/lines-booking-flow.js';
import { serviceWordsOf } from '../../german/speak/phrase-appointments.js';
import { isInPartOfDay } from '../../parts-of-day.js';
import type { OfferedSlot } from '../../reception/outcomes.js';
import { askDetailsOrBook } from './details-step.js';
import { collect, shiftWish } from './collect-step.js';
import { dayWordingOf } from './day-wording.js';
import type { Draft } from './draft.js';
import { notUnderstood } from './not-understood.js';
import type { StepOf } from './state.js';

type Pick = { kind: 'slot'; slot: OfferedSlot } | { kind: 'new_wish' } | { kind: 'unclear' } | { kind: 'declined' };

/** Which offered slot the caller means: by position, by time or day, by staff member, or the only one. */
function pickOffer(offers: readonly OfferedSlot[], f: Facts, serviceId: string, zone: string): Pick {
  const slot = (s: OfferedSlot | undefined): Pick => (s ? { kind: 'slot', slot: s } : { kind: 'unclear' });
  if (f.ordinal !== null) return slot(f.ordinal === -1 ? offers[offers.length - 1] : offers[f.ordinal]);
  const local = (o: OfferedSlot) => DateTime.fromISO(o.startsAt, { zone });
  let matching = [...offers];
  // A part of the day named back ("lieber nachmittags") picks only the offers inside it: none, and it is a new wish.
  const inPart = (o: OfferedSlot) => !f.when.partOfDay || f.when.time !== null || isInPartOfDay(f.when.partOfDay, local(o).hour * 60 + local(o).minute);
  // "den 24." among December offers is their 24th: the reader's month for a bare day number is only its guess.
  const sameDay = (o: OfferedSlot, date: string) =>
    local(o).toFormat('yyyy-MM-dd') === date || (f.when.dayOfMonthOnly === true && local(o).day === Number(date.slice(8)));
  if (f.hasWhen) {
    matching = matching.filter((o) => (!f.when.date || sameDay(o, f.when.date)) && (!f.when.time || local(o).toFormat('HH:mm') === f.when.time) && inPart(o));
    if (matching.length === 0) return { kind: 'new_wish' };
  }
  const named = f.staff?.kind === 'named' ? f.staff.staffIds : null;
  if (named) {
    matching = matching.filter((o) => named.includes(o.staffId));
    if (matching.length === 0) return { kind: 'new_wish' };
  }
  if (f.serviceIds[0] && f.serviceIds[0] !== serviceId) return { kind: 'new_wish' };
  if (f.intent === 'no' && !f.hasWhen && f.staff === null) return { kind: 'declined' };
  // "Ach nee, warten Sie …" is no yes, whatever yes-word follows: only a slot named again takes it.
  if (f.cues.correction && !f.hasWhen && f.staff === null) return f.intent === 'no' ? { kind: 'declined' } : { kind: 'unclear' };
  if (matching.length === 1 && (f.intent === 'yes' || f.hasWhen || f.staff !== null || f.intent === 'book')) return slot(matching[0]);
  if (matching.length > 1 && f.intent === 'yes' && !f.hasWhen && f.staff === null) return offers.length === 1 ? slot(offers[0]) : { kind: 'unclear' };
  return { kind: 'unclear' };
}

/** The caller's answer to an offer: a slot taken, a new wish, a shift from what was offered, a no, or a question back. */
export function chooseOffer(d: Draft, f: Facts, step: StepOf<'offered'>): void {
  const [first] = step.offers;
  // "Eine Stunde später", "geht's auch etwas früher?": relative to the slot on the table, never a yes to it.
  if (f.cues.shift && first && f.ordinal === null) return shiftWish(d, step.wish, first.startsAt, f.cues.shift, step.offers);
  if (f.cues.unknownStaffName && f.staff === null) return collect(d, f, step.wish);
  const picked = pickOffer(step.offers, f, step.wish.serviceId, d.directory.business.timeZone);
  switch (picked.kind) {
    case 'new_wish':
      return collect(d, f, step.wish);
    case 'declined':
      d.to({ phase: 'collect', wish: { ...step.wish, date: null, time: null, partOfDay: null, week: null } });
      return d.say(ASK_OTHER_TIME);
    case 'unclear': {
      const lines = step.offers.length > 1 ? WHICH_OFFER_AGAIN : THE_ONE_AGAIN;
      // A question back about two slots is an answer the agent can use; words it cannot read at all are not.
      if (f.intent === 'unknown' && !f.hasWhen && f.staff === null && !f.cues.correction) return notUnderstood(d, lines);
      return d.say(lines[0]!);
    }
    case 'slot': {
      // "Mittwoch passt": the day picked by its weekday is said back by it from now on.
      const wish = f.when.date && f.when.weekdayNamed ? { ...step.wish, weekdayDay: f.when.date } : step.wish;
      d.say(confirmSlot(picked.slot, serviceWordsOf(wish.serviceId, d.directory), d.directory, d.now, dayWordingOf(wish)));
      return askDetailsOrBook(d, wish, picked.slot);
    }
  }
}
