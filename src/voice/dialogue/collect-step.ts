import type { Facts } from '../../german/understand/index.js';
import { ASK_OTHER_TIME, ASK_TIME, FILLER, askService } from '../../german/speak/lines.js';
import { serviceNameOf } from '../../german/speak/phrase-appointments.js';
import { phraseOffer } from '../../german/speak/phrase-offer.js';
import { speakStaff } from '../../german/speak/speak.js';
import type { OfferOutcome, OfferRequest } from '../../reception/outcomes.js';
import type { Draft } from './draft.js';
import type { ServiceWish, Wish } from './state.js';

/** Takes what the caller said about service, staff and time into the wish; a correction replaces only what it names. */
function mergeWish(wish: Wish, f: Facts): Wish {
  const next = { ...wish };
  if (f.serviceIds[0]) next.serviceId = f.serviceIds[0];
  if (f.staff?.kind === 'any') next.staff = 'any';
  if (f.staff?.kind === 'named' && f.staff.staffIds[0]) next.staff = f.staff.staffIds[0];
  if (!f.hasWhen) return next;
  const w = f.when;
  // A new day keeps an agreed time ("nein, lieber Donnerstag"), a new time keeps the day; a new part of day
  // without a time drops a time said for another part of the day.
  if (w.date) next.date = w.date;
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
    next.date = w.date;
    next.time = null;
  }
  return next;
}

/** Asks for what is missing, or looks for slots once service and time are known. */
export function collect(d: Draft, f: Facts, wish: Wish): void {
  const merged = mergeWish(wish, f);
  d.to({ phase: 'collect', wish: merged });
  if (!merged.serviceId) return d.say(askService(d.directory));
  if (!merged.date && !merged.time && !merged.partOfDay && !merged.earliest) return d.say(ASK_TIME);
  checkAndOffer(d, { ...merged, serviceId: merged.serviceId });
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
function checkAndOffer(d: Draft, wish: ServiceWish): void {
  if (!d.directory.services.some((s) => s.id === wish.serviceId)) {
    d.to({ phase: 'collect', wish: { ...wish, serviceId: null } });
    return d.say(askService(d.directory));
  }
  d.to({ phase: 'checking', wish });
  d.run({ operation: 'offer', request: offerRequest(wish) }, FILLER);
}

/** Offers what the reception found, or says that nothing is free and asks for another time. */
export function answerOffer(d: Draft, wish: ServiceWish, outcome: OfferOutcome): void {
  const serviceName = serviceNameOf(wish.serviceId, d.directory);
  if (outcome.kind === 'unknown_service') {
    d.to({ phase: 'collect', wish: { ...wish, serviceId: null } });
    return d.say(askService(d.directory));
  }
  const member = d.directory.staff.find((m) => m.id === staffOf(wish));
  const reply = phraseOffer(outcome, { directory: d.directory, now: d.now, serviceName, staffName: member ? speakStaff(member) : undefined });
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
    return d.say(reply);
  }
  d.state.memory.outcome = 'no_availability';
  d.to({ phase: 'collect', wish: { ...wish, date: null, time: null, partOfDay: null } });
  d.say(`${reply} ${ASK_OTHER_TIME}`);
}

/** The staff member the caller asked for; null for anyone. */
function staffOf(wish: Wish): string | null {
  return wish.staff && wish.staff !== 'any' ? wish.staff : null;
}
