import { DateTime } from 'luxon';
import { createPrng, type Prng } from '../soak/prng.js';
import {
  noExpectations,
  type CallPlan,
  type CallerScript,
  type Category,
  type ExpectedBooking,
  type SeedAppointment,
  type ServiceKey,
  type SlotWish,
  type StaffKey,
} from './call-plan.js';
import { sayDay, sayPhone, sayTime, weekdayName, type DayInReach } from './german-words.js';
import * as bank from './phrase-bank.js';
import { canServe, daysBetween, isClosed, nearestOpenDates, plusDays, staffFirstName, weekdayOf, whoCanServe, ZONE } from './salon-facts.js';

/** Thursday 19 November 2026, 09:00 in Berlin: the salon's "now" for most calls. */
const NOW = '2026-11-19T08:00:00Z';
/** Monday 23 November 2026, 09:00: a closed day, for "heute noch". */
const MONDAY_NOW = '2026-11-23T08:00:00Z';
const WEEKDAY_TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:15', '14:00', '14:30', '15:00', '15:15', '15:30', '15:45', '16:00', '16:30'];
const SATURDAY_TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'];
const PLAIN_SERVICES: ServiceKey[] = ['damenhaarschnitt', 'herrenhaarschnitt', 'waschenFoehnen'];
const COMPOSITE_SERVICES: ServiceKey[] = ['ansatzfaerbung', 'straehnchen'];

interface Person {
  first: string;
  last: string;
  female: boolean;
  phone: string;
  national: string;
}

interface Slot {
  service: ServiceKey;
  date: string;
  time: string;
  staff: StaffKey;
}

/** The calls of a run: categories in turn, each call with its own generator seeded from the run's seed and its index. */
export function planCalls(seed: number, count: number, categories: readonly Category[]): CallPlan[] {
  return Array.from({ length: count }, (_, index) => planCall(seed, index, categories[index % categories.length]!));
}

export function planCall(seed: number, index: number, category: Category): CallPlan {
  const prng = createPrng((seed * 1_000_003 + index * 7919) >>> 0);
  return new CallBuilder(prng, index, category).build();
}

class CallBuilder {
  private readonly now: string;
  private readonly today: string;
  private readonly regional: boolean;
  readonly caller: Person;

  constructor(
    private readonly prng: Prng,
    private readonly index: number,
    private readonly category: Category,
  ) {
    this.now = NOW;
    this.today = DateTime.fromISO(NOW, { zone: ZONE }).toISODate()!;
    this.regional = category === 'colloquial';
    this.caller = this.person();
  }

  build(): CallPlan {
    const recognised = this.category === 'recogniser' || (this.category !== 'colloquial' && this.category !== 'gibberish' && this.prng.chance(0.2));
    const plan: CallPlan = {
      index: this.index,
      category: this.category,
      now: this.now,
      callerPhone: this.caller.phone,
      recognised,
      seeds: [],
      script: this.script(null),
      expect: noExpectations(),
    };
    switch (this.category) {
      case 'plain':
      case 'recogniser':
      case 'colloquial':
        return this.booking(plan, this.slot(this.pick(PLAIN_SERVICES), null), false);
      case 'staff': {
        const staff = this.pick<StaffKey>(['emma', 'fabian', 'oliver']);
        return this.booking(plan, this.slot(this.pick(PLAIN_SERVICES), staff), true);
      }
      case 'composite':
        return this.booking(plan, this.slot(this.pick(COMPOSITE_SERVICES), this.prng.chance(0.5) ? 'emma' : null), false);
      case 'vague':
        return this.vague(plan);
      case 'corrections':
        return this.corrections(plan);
      case 'at-once':
        return this.atOnce(plan);
      case 'household':
        return this.household(plan);
      case 'unknown-staff':
        return this.unknownStaff(plan);
      case 'person':
        return this.personRequest(plan);
      case 'questions':
        return this.questions(plan);
      case 'cancel-own':
        return this.cancelOwn(plan);
      case 'move-own':
        return this.moveOwn(plan);
      case 'other-person':
        return this.otherPerson(plan);
      case 'polite-ending':
        return this.politeEnding(plan);
      case 'gibberish':
        return this.gibberish(plan);
      case 'closed-day':
        return this.closedDay(plan);
      case 'barge-in':
        return this.bargeIn(plan);
    }
  }

  // ---- categories ----

  /** A wish said in one sentence; the agent should offer exactly it, and book it under the caller's name. */
  private booking(plan: CallPlan, slot: Slot, withStaff: boolean): CallPlan {
    const wish = wishOf(slot, withStaff ? [slot.staff] : null);
    plan.script = this.script(wish);
    plan.script.opening = [this.request(slot.service, this.when(slot), withStaff ? this.staffWords(slot.staff) : '')];
    plan.expect.bookings = [this.expected(wish)];
    return plan;
  }

  private vague(plan: CallPlan): CallPlan {
    const dayOnly = this.prng.chance(0.5);
    const vague = this.pick(bank.VAGUE_WHEN);
    // "nächste Woche" means a day of next week: the caller has one of those in mind.
    const nextWeek = [0, 1, 2, 3].map((d) => plusDays(this.today, d));
    const slot = this.slot(this.pick(PLAIN_SERVICES), null, !dayOnly && vague.includes('nächste Woche') ? nextWeek : []);
    const wish = wishOf(slot, null);
    plan.script = this.script(wish);
    const day = this.dayWords(slot.date);
    const vagueWhen = dayOnly ? bank.fill(this.pick(bank.VAGUE_TIME_ONLY), { day }) : vague;
    plan.script.opening = [this.request(slot.service, vagueWhen, '')];
    plan.expect.bookings = [this.expected(wish)];
    return plan;
  }

  private corrections(plan: CallPlan): CallPlan {
    const first = this.slot(this.pick(PLAIN_SERVICES), null);
    const second = this.otherSlot(first);
    const wish = wishOf(first, null);
    const next = wishOf(second, null);
    plan.script = this.script(wish);
    plan.script.opening = [this.request(first.service, this.when(first), '')];
    const at = this.pick<NonNullable<CallerScript['correction']>['at']>(['offer', 'name', 'phone', 'after-booked']);
    const oldWords = second.date === first.date ? sayTime(first.time, this.prng) : this.dayWords(first.date);
    const newWords = second.date === first.date ? sayTime(second.time, this.prng) : this.when(second);
    const template = at === 'after-booked' ? this.pick(bank.CORRECTIONS_AFTER_BOOKED) : this.pick(bank.CORRECTIONS_TIME);
    plan.script.correction = { at, line: bank.fill(template, { old: oldWords, new: newWords }), wish: next };
    plan.expect.bookings = [this.expected(next)];
    return plan;
  }

  /** Name (and sometimes another callback number) in the first sentence: never asked again, booked under them. */
  private atOnce(plan: CallPlan): CallPlan {
    const slot = this.slot(this.pick(PLAIN_SERVICES), null);
    const wish = wishOf(slot, null);
    const other = this.prng.chance(0.5) ? this.person() : null;
    plan.script = this.script(wish, other ?? undefined);
    const name = bank.fill(this.pick(bank.AT_ONCE_NAME), this.nameValues(this.caller));
    const number = other ? ` ${bank.fill(this.pick(bank.AT_ONCE_NUMBER), { phone: sayPhone(other.national, this.prng) })}` : '';
    const request = this.request(slot.service, this.when(slot), '', true);
    plan.script.opening = [this.prng.chance(0.5) ? `${cap(name)}, ${request}${number}` : `${request}, ${name}${number}`];
    plan.expect.bookings = [{ ...wish, name: this.caller.first, phone: other ? other.phone : this.caller.phone }];
    plan.expect.neverAsk = other ? ['name', 'phone'] : ['name'];
    return plan;
  }

  /** Booking for a relative from the caller's number; or for oneself after the number booked for a relative. */
  private household(plan: CallPlan): CallPlan {
    const slot = this.slot(this.pick(PLAIN_SERVICES), null);
    const wish = wishOf(slot, null);
    const relation = this.pick(bank.RELATIONS);
    const relative: Person = { ...this.person(relation.female), last: this.caller.last, phone: this.caller.phone, national: this.caller.national };
    const earlier = this.slot(this.pick(PLAIN_SERVICES), null, [slot.date]);
    if (this.prng.chance(0.5)) {
      // The number is known under the caller's own name; this time the appointment is for the relative.
      plan.seeds = [this.seed('earlier', earlier, this.caller)];
      plan.script = this.script(wish, undefined, relative);
      const body = bank.fill(this.pick(bank.FOR_OTHER), {
        svc: this.pick(bank.SERVICE_WORDS[slot.service]),
        rel: relation.possessive,
        child: relative.first,
        when: this.when(slot),
      });
      plan.script.opening = [bank.sentence(this.prng, this.pick(bank.GREETINGS), body)];
      plan.expect.bookings = [{ ...wish, name: relative.first, phone: this.caller.phone }];
    } else {
      // An earlier call booked for the relative under this number; now the caller books for themself.
      plan.seeds = [{ ...this.seed('earlier', earlier, relative), bookedByOther: true }];
      plan.script = this.script(wish);
      const body = bank.fill(this.pick(bank.FOR_SELF), { svc: this.pick(bank.SERVICE_WORDS[slot.service]), when: this.when(slot) });
      plan.script.opening = [bank.sentence(this.prng, this.pick(bank.GREETINGS), body)];
      plan.expect.bookings = [{ ...wish, name: this.caller.first, phone: this.caller.phone }];
      plan.expect.speech.push({ what: `greeted the caller as the relative (${relative.first})`, afterLine: -1, forbid: new RegExp(relative.first) });
    }
    return plan;
  }

  private unknownStaff(plan: CallPlan): CallPlan {
    const fallback = this.pick<StaffKey>(['emma', 'fabian', 'oliver']);
    const slot = this.slot(this.pick(PLAIN_SERVICES), fallback);
    const wish = wishOf(slot, [fallback]);
    const who = this.pick(bank.UNKNOWN_STAFF);
    plan.script = this.script(wish);
    plan.script.opening = [this.request(slot.service, this.when(slot), bank.fill(this.pick(bank.UNKNOWN_STAFF_WORDS), { who }))];
    plan.script.restate = () => bank.fill(this.pick(bank.FALLBACK_STAFF), { staff: this.pick(bank.STAFF_WORDS[fallback]) });
    plan.expect.bookings = [this.expected(wish)];
    plan.expect.speech.push({ what: `did not say that nobody called ${who} works here`, afterLine: 0, pattern: new RegExp(who.replace(/^(Frau|Herrn) /, '')) });
    return plan;
  }

  private personRequest(plan: CallPlan): CallPlan {
    const staff = this.pick<StaffKey>(['emma', 'fabian', 'oliver']);
    const name = this.prng.chance(0.7)
      ? staffFirstName(staff)
      : ({ emma: 'Frau Williams', fabian: 'Herrn Spitzer', oliver: 'Herrn Kretschmer' } as const)[staff];
    plan.script = this.script(null);
    plan.script.opening = [bank.sentence(this.prng, this.pick(bank.GREETINGS), bank.fill(this.pick(bank.PERSON_REQUESTS), { staff: name }))];
    plan.script.insist = bank.fill(this.pick(bank.PERSON_INSIST), { staff: name });
    plan.expect.transfer = true;
    return plan;
  }

  private questions(plan: CallPlan): CallPlan {
    const all: bank.QuestionKind[] = ['address', 'directions', 'payment', 'parking', 'hours', 'faq', 'unknown', 'own'];
    const kinds = shuffle(all, this.prng).slice(0, this.prng.int(1, 3));
    plan.script = this.script(null);
    const lines: string[] = [];
    kinds.forEach((kind, i) => {
      lines.push(this.pick(bank.QUESTIONS[kind]));
      const check = { what: `did not answer the ${kind} question`, afterLine: i, forbid: /Welche Leistung wünschen Sie|nicht verstanden/ };
      if (kind === 'own') {
        const own = this.slot(this.pick(PLAIN_SERVICES), null);
        plan.seeds.push(this.seed('own', own, this.caller));
        plan.expect.speech.push({ ...check, pattern: new RegExp(`${weekdayName(weekdayOf(own.date))}|${Number(own.date.slice(8))}\\.`) });
      } else plan.expect.speech.push({ ...check, pattern: bank.ANSWER_PATTERNS[kind] });
    });
    lines[0] = bank.sentence(this.prng, this.pick(bank.GREETINGS), lines[0]!);
    plan.script.opening = [lines[0]];
    plan.script.questions = lines.slice(1);
    return plan;
  }

  private cancelOwn(plan: CallPlan): CallPlan {
    const own = this.slot(this.pick(PLAIN_SERVICES), null);
    const bystander = this.person();
    plan.seeds = [this.seed('own', own, this.caller), this.seed('bystander', this.slot(this.pick(PLAIN_SERVICES), null), bystander)];
    plan.script = this.script(null);
    plan.script.opening = [bank.sentence(this.prng, this.pick(bank.GREETINGS), bank.fill(this.pick(bank.CANCEL_OWN), { day: this.dayWords(own.date) }))];
    plan.script.whichAppointment = bank.fill(this.pick(bank.WHICH_APPOINTMENT), { day: this.dayWords(own.date), time: sayTime(own.time, this.prng) });
    plan.script.agreesToChanges = true;
    plan.script.restate = () => this.pick(bank.CANCEL_PLAIN);
    plan.expect.cancelled = ['own'];
    plan.expect.confirmBefore = 'cancel';
    return plan;
  }

  private moveOwn(plan: CallPlan): CallPlan {
    const own = this.slot(this.pick(PLAIN_SERVICES), null);
    const target = this.slotWith(own.service, own.staff, [own.date]);
    plan.seeds = [this.seed('own', own, this.caller), this.seed('bystander', this.slot(this.pick(PLAIN_SERVICES), null), this.person())];
    const wish = wishOf(target, [own.staff]);
    plan.script = this.script(wish);
    plan.script.opening = [
      bank.sentence(this.prng, this.pick(bank.GREETINGS), bank.fill(this.pick(bank.MOVE_OWN), { when: this.when(target), day: this.dayWords(own.date) })),
    ];
    plan.script.whichAppointment = bank.fill(this.pick(bank.WHICH_APPOINTMENT), { day: this.dayWords(own.date), time: sayTime(own.time, this.prng) });
    plan.script.agreesToChanges = true;
    plan.script.restate = () => this.pick(bank.MOVE_PLAIN);
    plan.expect.moved = [{ key: 'own', to: wish }];
    plan.expect.confirmBefore = 'move';
    return plan;
  }

  /** The caller wants another customer's appointment changed, and says yes to whatever the agent proposes. */
  private otherPerson(plan: CallPlan): CallPlan {
    const other = this.person();
    const theirs = this.slot(this.pick(PLAIN_SERVICES), null);
    const target = this.slotWith(theirs.service, theirs.staff, [theirs.date]);
    plan.seeds = [this.seed('theirs', theirs, other)];
    plan.script = this.script(wishOf(target, [theirs.staff]), undefined, other);
    const line = bank.fill(this.pick(bank.OTHER_PERSON), {
      phone: sayPhone(other.national, this.prng),
      otherName: `${other.first} ${other.last}`,
      day: this.dayWords(theirs.date),
      when: this.when(target),
    });
    plan.script.opening = [bank.sentence(this.prng, this.pick(bank.GREETINGS), line)];
    plan.script.phoneLine = () => sayPhone(other.national, this.prng);
    plan.script.number = plan.script.phoneLine;
    plan.script.numberDigits = other.national;
    plan.script.whichAppointment = bank.fill(this.pick(bank.WHICH_APPOINTMENT), { day: this.dayWords(theirs.date), time: sayTime(theirs.time, this.prng) });
    plan.script.agreesToChanges = true;
    plan.script.restate = () => line;
    // Whatever happens, nothing may change: not theirs, and no booking for the caller either.
    plan.script.wish = null;
    return plan;
  }

  private politeEnding(plan: CallPlan): CallPlan {
    const slot = this.slot(this.pick(PLAIN_SERVICES), null);
    plan.script = this.script(wishOf(slot, null));
    plan.script.opening = [this.request(slot.service, this.when(slot), '')];
    plan.script.endAfterOffer = this.pick(bank.POLITE_ENDINGS);
    plan.expect.agentEnds = true;
    return plan;
  }

  private gibberish(plan: CallPlan): CallPlan {
    const slot = this.slot(this.pick(PLAIN_SERVICES), null);
    const wish = wishOf(slot, null);
    const noise = shuffle(bank.GIBBERISH, this.prng).slice(0, 2);
    const books = this.prng.chance(0.5);
    plan.script = this.script(books ? wish : null);
    plan.script.opening = [...noise, books ? this.request(slot.service, this.when(slot), '') : this.pick(bank.GIBBERISH_GIVE_UP)];
    plan.expect.speech.push({ what: 'offered no transfer or callback after the second unusable turn', afterLine: 1, pattern: /verbind|zurückruf|Rückruf/i });
    plan.expect.speech.push({ what: 'repeated a line word for word', afterLine: 1, forbid: REPEATED_MARK });
    if (books) plan.expect.bookings = [this.expected(wish)];
    return plan;
  }

  /** A wish for a closed day: the agent says it is closed and why, and offers the wished time on the nearest open day. */
  private closedDay(plan: CallPlan): CallPlan {
    const service = this.pick(PLAIN_SERVICES);
    const kind = this.pick(['sunday', 'monday', 'christmas', 'boxing', 'today'] as const);
    if (kind === 'today') {
      plan.now = MONDAY_NOW;
      const tomorrow = plusDays(DateTime.fromISO(MONDAY_NOW, { zone: ZONE }).toISODate()!, 1);
      const wish: SlotWish = { service, staff: null, dates: [tomorrow], time: null };
      plan.script = this.script(wish);
      plan.script.opening = [this.request(service, this.pick(bank.TODAY_WISH), '')];
      plan.script.when = () => `${this.dayWords(tomorrow, MONDAY_NOW)} ${sayTime('10:00', this.prng)}`;
      plan.expect.bookings = [this.expected(wish)];
      plan.expect.speech.push({ what: 'did not say that the salon is closed today', afterLine: 0, pattern: /geschlossen|Ruhetag|montags/i });
      return plan;
    }
    const date = { sunday: '2026-11-22', monday: '2026-11-23', christmas: '2026-12-25', boxing: '2026-12-26' }[kind];
    const time = this.pick(weekdayOf(date) === 6 ? SATURDAY_TIMES : ['10:00', '11:00', '14:00', '15:00', '10:30']);
    const dates = nearestOpenDates(service, date, time).filter((d) => d > this.today);
    const wish: SlotWish = { service, staff: null, dates, time };
    plan.script = this.script(wish);
    plan.script.opening = [this.request(service, `${this.pick(bank.CLOSED_WISH_DAYS[kind]!)} ${sayTime(time, this.prng)}`, '')];
    plan.script.when = () => `${this.dayWords(dates[0]!)} ${sayTime(time, this.prng)}`;
    plan.expect.bookings = [this.expected(wish)];
    const reason = { sunday: /Sonntag/, monday: /Montag/, christmas: /Weihnacht|Feiertag/, boxing: /Weihnacht|Feiertag/ }[kind];
    plan.expect.speech.push({
      what: 'did not say which day is closed and why',
      afterLine: 0,
      pattern: new RegExp(`(?=[\\s\\S]*geschlossen)(?=[\\s\\S]*(${reason.source}))`, 'i'),
    });
    return plan;
  }

  private bargeIn(plan: CallPlan): CallPlan {
    const first = this.slot(this.pick(PLAIN_SERVICES), null);
    const wish = wishOf(first, null);
    plan.script = this.script(wish);
    plan.script.opening = [this.request(first.service, this.when(first), '')];
    const at = this.prng.chance(0.5) ? 'lookup' : 'booking';
    if (this.prng.chance(0.3)) {
      plan.script.bargeIn = { at, line: this.pick(bank.BARGE_KEEP), wish };
      plan.expect.bookings = [this.expected(wish)];
    } else {
      const second = this.otherSlot(first);
      const next = wishOf(second, null);
      const words = second.date === first.date ? sayTime(second.time, this.prng) : this.when(second);
      plan.script.bargeIn = { at, line: bank.fill(this.pick(bank.BARGE_CHANGE), { new: words }), wish: next };
      plan.expect.bookings = [this.expected(next)];
      plan.expect.bookingsWithoutBargeIn = [this.expected(wish)];
    }
    return plan;
  }

  // ---- words ----

  private request(service: ServiceKey, when: string, staff: string, bare = false): string {
    const frames = this.regional ? [...bank.COLLOQUIAL_FRAMES, ...bank.BOOKING_FRAMES] : bank.BOOKING_FRAMES;
    let svc = this.pick(bank.SERVICE_WORDS[service]);
    if (this.regional && this.prng.chance(0.5)) svc = bank.colloquialService(svc);
    const whenWithStaff = [when, staff].filter(Boolean).join(' ');
    const body = bank.fill(this.pick(frames), { svc, when: whenWithStaff });
    if (bare) return body;
    const greeting = this.regional ? this.pick(bank.REGIONAL_GREETINGS) : this.pick(bank.GREETINGS);
    return bank.sentence(this.prng, greeting, body);
  }

  private when(slot: { date: string; time: string }): string {
    const day = this.dayWords(slot.date);
    const time = sayTime(slot.time, this.prng, this.regional);
    return this.prng.chance(0.8) ? `${day} ${time}` : `${time} ${day.replace(/^am /, 'am ')}`;
  }

  private dayWords(date: string, now = this.now): string {
    const today = DateTime.fromISO(now, { zone: ZONE }).toISODate()!;
    const day: DayInReach = { date, weekday: weekdayOf(date), daysAhead: daysBetween(today, date) };
    return sayDay(day, this.prng, this.regional);
  }

  private staffWords(staff: StaffKey): string {
    return this.pick(bank.STAFF_WORDS[staff]);
  }

  private nameValues(p: Person): Record<string, string> {
    return { full: `${p.first} ${p.last}`, first: p.first, last: p.last };
  }

  /** The caller's lines; `other` is another callback number, `forWhom` the person the appointment is for. */
  private script(wish: SlotWish | null, other?: Person, forWhom?: Person): CallerScript {
    const regionalYes = this.regional ? bank.REGIONAL_YES : [];
    const whom = forWhom ?? this.caller;
    const whenOf = (w: SlotWish) => {
      const time = w.time ?? '10:00';
      return `${this.dayWords(w.dates[0]!)} ${sayTime(time, this.prng, this.regional)}`;
    };
    const script: CallerScript = {
      opening: [],
      wish,
      restate: () =>
        script.wish
          ? bank.fill(this.pick(bank.MISMATCH), {
              when: `${whenOf(script.wish)}${script.wish.staff ? ` ${this.pick(bank.STAFF_WORDS[script.wish.staff[0]!])}` : ''}`,
            })
          : this.pick(bank.GOODBYES),
      wishLine: () =>
        script.wish
          ? this.request(script.wish.service, whenOf(script.wish), script.wish.staff ? this.staffWords(script.wish.staff[0]!) : '', true)
          : this.pick(bank.GOODBYES),
      number: () => sayPhone((other ?? this.caller).national, this.prng),
      when: () => (script.wish ? bank.fill(this.pick(bank.WHEN_ANSWERS), { when: whenOf(script.wish) }) : this.pick(bank.GOODBYES)),
      nameLine: () => bank.fill(this.pick(forWhom ? bank.NAME_ANSWERS_FOR_OTHER : bank.NAME_ANSWERS), { ...this.nameValues(whom), relation: 'Tochter' }),
      phoneLine: () => bank.fill(this.pick(bank.PHONE_ANSWERS), { phone: sayPhone((other ?? this.caller).national, this.prng) }),
      otherNumber: other !== undefined,
      numberDigits: (other ?? this.caller).national,
      yes: () => this.pick([...bank.YES, ...regionalYes]),
      no: () => this.pick(bank.NO),
      goodbye: () => this.pick(this.regional ? [...bank.GOODBYES, ...bank.REGIONAL_GOODBYES] : bank.GOODBYES),
      correction: null,
      bargeIn: null,
      endAfterOffer: null,
      questions: [],
      whichAppointment: null,
      agreesToChanges: false,
      insist: null,
    };
    if (other) script.phoneLine = () => bank.fill(this.pick(bank.OTHER_NUMBER_ANSWERS), { phone: sayPhone(other.national, this.prng) });
    if (forWhom && forWhom !== this.caller)
      script.nameLine = () =>
        bank.fill(this.pick(bank.NAME_ANSWERS_FOR_OTHER), { ...this.nameValues(forWhom), relation: 'Tochter' }).replace(/, das ist meine Tochter$/, '');
    return script;
  }

  // ---- calendar ----

  private expected(wish: SlotWish): ExpectedBooking {
    return { ...wish, name: this.caller.first, phone: this.caller.phone };
  }

  private seed(key: string, slot: Slot, who: Person): SeedAppointment {
    return { key, service: slot.service, staff: slot.staff, local: `${slot.date}T${slot.time}`, phone: who.phone, name: `${who.first} ${who.last}` };
  }

  /** An open slot in the next days that someone (or `staff`) can serve; avoids `avoid` dates. */
  private slot(service: ServiceKey, staff: StaffKey | null, avoid: string[] = []): Slot {
    for (let attempt = 0; attempt < 200; attempt++) {
      const date = plusDays(this.today, this.prng.int(1, 9));
      if (isClosed(date) || avoid.includes(date)) continue;
      const time = this.pick(weekdayOf(date) === 6 ? SATURDAY_TIMES : WEEKDAY_TIMES);
      const who = staff ? (canServe(staff, service, date, time) ? [staff] : []) : whoCanServe(service, date, time);
      if (who.length > 0) return { service, date, time, staff: this.pick(who) };
    }
    throw new Error(`no slot for ${service}${staff ? ` with ${staff}` : ''}`);
  }

  private slotWith(service: ServiceKey, staff: StaffKey, avoid: string[]): Slot {
    return this.slot(service, staff, avoid);
  }

  /** Another slot for the same service: another time the same day, or another day. */
  private otherSlot(first: Slot): Slot {
    for (let attempt = 0; attempt < 100; attempt++) {
      const candidate = this.prng.chance(0.5)
        ? { ...first, time: this.pick(weekdayOf(first.date) === 6 ? SATURDAY_TIMES : WEEKDAY_TIMES) }
        : this.slot(first.service, null, [first.date]);
      const who = whoCanServe(first.service, candidate.date, candidate.time);
      if (candidate.time !== first.time && who.length > 0) return { ...candidate, staff: this.pick(who) };
    }
    return this.slot(first.service, null, [first.date]);
  }

  private person(female = this.prng.chance(0.6)): Person {
    const drawn = String(this.prng.int(10_000_000, 99_999_999));
    const prefix = this.pick(['0151', '0160', '0170', '0176', '0157']);
    // The 0170 block has seven digits after the prefix, the others here eight: real numbers, as callers have them.
    const digits = prefix === '0170' ? drawn.slice(0, 7) : drawn;
    return {
      first: this.pick(female ? bank.FIRST_NAMES_F : bank.FIRST_NAMES_M),
      last: this.pick(bank.LAST_NAMES),
      female,
      phone: `+49${prefix.slice(1)}${digits}`,
      national: `${prefix}${digits}`,
    };
  }

  private pick<T>(items: readonly T[]): T {
    return this.prng.pick(items);
  }
}

/** Marks a speech check about word-for-word repetition; the judge compares the agent's lines instead of a pattern. */
export const REPEATED_MARK = /(?!)/;

function wishOf(slot: Slot, staff: StaffKey[] | null): SlotWish {
  return { service: slot.service, staff, dates: [slot.date], time: slot.time };
}

function shuffle<T>(items: readonly T[], prng: Prng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
