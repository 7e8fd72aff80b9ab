import { answerWish } from '../booking/answer-wish.js';
import type { Slot, WishAnswer } from '../booking/calendar-model.js';
import { DateTime } from 'luxon';
import { findCallHolds } from '../booking/call-holds.js';
import { holdOffers } from '../reception/hold-offers.js';
import { loadCalendar } from '../booking/load-calendar.js';
import type { CheckAvailabilityArgs } from './schemas.js';
import { UNKNOWN_BUSINESS, isAnswer, resolveRequest } from './resolve-request.js';
import { speakStaff } from '../german/speak/speak.js';
import type { ToolContext, ToolResult } from './tool-context.js';
import { describeSlot, explainReason, offerAlternatives, speakSlot } from '../german/speak/wording.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEARCH_DAYS = 14;
const OFFER_ATTEMPTS = 3;

/**
 * Answers "is this free?": the exact slot, or the nearest alternatives with the reason. The offered slots are
 * held for the call while the caller decides, so nobody else takes them between offer and yes.
 */
export async function checkAvailability(ctx: ToolContext, args: CheckAvailabilityArgs): Promise<ToolResult> {
  const now = ctx.deps.clock.now();
  const request = await resolveRequest(ctx, args);
  if (isAnswer(request)) return request;
  const { directory, member, service } = request;
  const { date, time, partOfDay, earliest } = request.when;
  const wish = {
    serviceId: service.id,
    ...(member ? { staffId: member.id } : {}),
    ...(date ? { date } : {}),
    ...(time ? { time } : {}),
    ...(partOfDay ? { partOfDay } : {}),
    ...(earliest || (!date && !time && !partOfDay) ? { earliest: true } : {}),
  };
  // Two weeks from the wished day are plenty for "the nearest alternatives"; the engine offers nothing beyond
  // the window it was given.
  const wishedDay = date ? DateTime.fromISO(date, { zone: directory.business.timeZone }).toMillis() : now.getTime();
  const from = Math.max(now.getTime(), wishedDay - DAY_MS);
  const to = Math.max(from, wishedDay) + SEARCH_DAYS * DAY_MS;

  // Only what this call could hold is offered: between reading the calendar and holding, another call may take a
  // slot. Then read again (a couple of times at most) rather than say "frei" about a slot that is gone.
  let answer: WishAnswer = { kind: 'none', reason: 'taken' };
  let offered: Slot[] = [];
  for (let attempt = 0; attempt < OFFER_ATTEMPTS; attempt++) {
    const ownHolds = ctx.callId ? await findCallHolds(ctx.deps.db, ctx.callId, now) : [];
    const calendar = await loadCalendar(ctx.deps, ctx.businessId, { from, to, now: now.getTime(), excludeAppointmentIds: ownHolds.map((h) => h.id) });
    if (!calendar) return UNKNOWN_BUSINESS;
    answer = answerWish(calendar, wish, now.getTime());
    const slots = answer.kind === 'exact' ? [answer.slot] : answer.kind === 'alternatives' ? answer.alternatives : [];
    offered = ctx.callId ? await holdOffers(ctx.deps, ctx, service.id, slots, ownHolds) : slots;
    const exactLost = answer.kind === 'exact' && offered.length === 0;
    if (!exactLost && (offered.length > 0 || slots.length === 0)) break;
  }
  const staffName = member ? speakStaff(member) : undefined;
  const serviceName = service.name;

  if (answer.kind === 'exact' && offered.length > 0) {
    return {
      ok: true,
      available: true,
      result: `${capitalise(speakSlot(answer.slot, directory, now))} ist ein Termin für ${serviceName} frei. Soll ich ihn für Sie eintragen?`,
      slot: describeSlot(answer.slot, directory, now),
      alternatives: [],
      held: ctx.callId ? 1 : 0,
    };
  }
  if (answer.kind === 'none' || offered.length === 0) {
    const reason = answer.kind === 'exact' ? 'taken' : answer.reason;
    return { ok: true, available: false, reason, result: `${explainReason(reason, staffName)} ${offerAlternatives([], directory, now)}`, alternatives: [] };
  }
  const reason = answer.kind === 'alternatives' ? answer.reason : 'taken';
  // Without a time there was nothing to refuse: just the offer. Otherwise first why not, then what instead.
  const result = reason === 'no_time_given' ? offerAlternatives(offered, directory, now).replace(/^Ich könnte Ihnen /, `Für ${serviceName} könnte ich Ihnen `) : `${explainReason(reason, staffName)} ${offerAlternatives(offered, directory, now)}`;
  return { ok: true, available: false, reason, result, alternatives: offered.map((a) => describeSlot(a, directory, now)), held: ctx.callId ? offered.length : 0 };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
