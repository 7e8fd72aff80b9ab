import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../src/clock.js';
import { calls } from '../src/db/schema.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { cleanText } from '../src/text/clean-text.js';
import { TEST_RETELL_KEY, bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, createApiWorld, type ApiWorld } from './support/api-fixture.js';

/**
 * Random and hostile requests against every HTTP route of the real app over real Postgres: malformed, huge, deep,
 * binary, NUL, lone surrogates, wrong types, impossible dates. No answer may be a 5xx, every error is the
 * envelope (a function call's 200 carries a sentence for the agent), and no call stays open after its call_ended.
 *
 * `FUZZ_RUNS` sets the cases per route (small in `npm test`; `npm run fuzz` runs it large); each property also
 * stops at `FUZZ_SECONDS` so that a slow machine never turns it into a hang.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const TIME_LIMIT_MS = Number(process.env.FUZZ_SECONDS ?? 60) * 1_000;
const settings = { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false };
/** The test's own bound: the property's time limit, plus the check at its end and a shrink if it failed. */
const TEST_TIMEOUT_MS = TIME_LIMIT_MS + 120_000;

const TOOLS = ['check_availability', 'book_appointment', 'cancel_appointment', 'reschedule_appointment'] as const;
const ARG_NAMES = ['dienstleistung', 'datum', 'uhrzeit', 'mitarbeiter', 'name', 'telefon', 'alter_termin'] as const;

// ---- values -------------------------------------------------------------------------------------------------------
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 40 });
const dates = fc.constantFrom(
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '275760-09-13',
  '2030-02-30',
  '2030-13-01',
  '1969-12-31',
  '2030-03-05',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '2030-03-05T10:00:00+99:00',
  '2030-03-05T25:00',
  '2030-03-05T10:00:00.000000001Z',
  'morgen',
  'nächsten Dienstag',
  'am 31.12.9999',
  'im Jahr 3000',
  'gestern',
  'halb drei',
  '25:61',
  '14:30',
  'vormittags',
);
const words = fc.constantFrom(
  'Herrenhaarschnitt',
  'Damenhaarschnitt',
  'Ansatzfärbung',
  'Emma',
  'Fabian',
  'egal',
  'Jürgen Größe',
  '+4917612345678',
  '0176 1234567',
  'anonymous',
  '',
);
/** Text that is odd in every way a client can make it odd. */
const nasty = fc.oneof(
  { arbitrary: words, weight: 4 },
  { arbitrary: dates, weight: 4 },
  { arbitrary: utf16, weight: 3 },
  { arbitrary: fc.tuple(words, fc.constantFrom('\u0000', '\ud800', '\udfff', '\ufffe', '\u202e'), words).map(([a, b, c]) => a + b + c), weight: 3 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.nat({ max: 200_000 }).map((n) => 'ä'.repeat(n)), weight: 1 },
);
const scalar = fc.oneof(
  { arbitrary: nasty, weight: 10 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, 8.64e15 + 1, 1e308)), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);
const deep = fc.integer({ min: 50, max: 2_000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
const value = fc.oneof({ arbitrary: scalar, weight: 20 }, { arbitrary: deep, weight: 1 });

/** A raw body: mostly JSON of the given shape, now and then broken, binary, deep or huge. */
function rawBody(shape: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { arbitrary: shape.map((v) => JSON.stringify(v) ?? 'null'), weight: 20 },
    {
      arbitrary: fc.tuple(shape, fc.nat()).map(([v, cut]) => {
        const s = JSON.stringify(v) ?? '';
        return s.slice(0, cut % (s.length + 1));
      }),
      weight: 2,
    },
    { arbitrary: fc.uint8Array({ maxLength: 2_000 }), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 500_000 }).map((n) => '['.repeat(n)), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)), weight: 1 },
    { arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '{}', '{"args":null,"name":1}', '\u0000', '\ufeff{}'), weight: 2 },
  );
}

/** A path or query piece as a client may send it: encoded text, or raw percent-escapes that decode to nonsense. */
const urlPiece = fc.oneof(
  {
    arbitrary: nasty.map((s) => {
      try {
        return encodeURIComponent(s);
      } catch {
        return '%ED%A0%80';
      }
    }),
    weight: 6,
  },
  {
    arbitrary: fc
      .array(fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', '%C3', '%2F', '..', '%E2%80%AE', 'a'), { minLength: 1, maxLength: 6 })
      .map((p) => p.join('')),
    weight: 2,
  },
  { arbitrary: fc.uuid().map(String), weight: 2 },
);

// ---- checks -------------------------------------------------------------------------------------------------------
const isEnvelope = (body: unknown) => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
};

describe(`HTTP fuzzing (${RUNS} cases per route)`, () => {
  let t: TestApp;
  let w: ApiWorld;
  const clock = createFixedClock(API_NOW);
  const failures: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    // Rate limits off: thousands of requests from one address are the point here, not an attack to slow down.
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0', RETELL_RATE_LIMIT_PER_MINUTE: '0' }, { clock });
    w = await createApiWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function send(method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string>) {
    requests++;
    const res = await t.app.request(path, { method, ...(body !== undefined ? { body } : {}), headers });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = undefined;
    }
    if (res.status >= 500) failures.push(`${res.status} ${method} ${path.slice(0, 120)}`);
    return { status: res.status, json, text };
  }
  const signed = (body: string | Uint8Array) => ({
    'content-type': 'application/json',
    'x-retell-signature': signRetellBody(body, TEST_RETELL_KEY, clock.now().getTime()),
  });

  it(
    'function calls, signed: 200 with a sentence for the agent, or a 4xx envelope',
    async () => {
      const salonNumber = w.salon.definition.phoneNumbers[0]!;
      const args = fc.dictionary(
        fc.oneof({ arbitrary: fc.constantFrom(...ARG_NAMES), weight: 5 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 }),
        value,
        { maxKeys: 7 },
      );
      const call = fc.record(
        {
          call_id: fc.oneof({ arbitrary: fc.uuid().map((id) => `call_${id}`), weight: 5 }, { arbitrary: value, weight: 1 }),
          from_number: fc.oneof({ arbitrary: fc.constantFrom(w.phones.regular, w.phones.once), weight: 3 }, { arbitrary: value, weight: 1 }),
          to_number: fc.oneof({ arbitrary: fc.constant(salonNumber), weight: 8 }, { arbitrary: value, weight: 1 }),
          agent_id: value,
        },
        { requiredKeys: [] },
      );
      const envelope = fc.oneof(
        { arbitrary: fc.record({ name: fc.constantFrom(...TOOLS), call, args }), weight: 8 },
        { arbitrary: args, weight: 2 },
        { arbitrary: value, weight: 1 },
      );
      const name = fc.oneof({ arbitrary: fc.constantFrom(...TOOLS), weight: 10 }, { arbitrary: urlPiece, weight: 1 });
      await fc.assert(
        fc.asyncProperty(name, rawBody(envelope), async (fn, body) => {
          const res = await send('POST', `/retell/functions/${fn}`, body, signed(body));
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) {
            const result = (res.json as { result?: unknown } | null)?.result;
            expect(typeof result === 'string' && result.length > 0 && !/undefined|\[object/.test(result)).toBe(true);
          } else expect(isEnvelope(res.json)).toBe(true);
        }),
        settings,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'Retell routes, unsigned or wrongly signed: 401 with the envelope, whatever the body',
    async () => {
      const header = fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('v=1,d=00', 'v=abc,d=', `v=${Date.parse(API_NOW)},d=${'0'.repeat(64)}`, 'garbage'),
        utf16,
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/retell/webhook', ...TOOLS.map((n) => `/retell/functions/${n}`)),
          header,
          rawBody(value),
          async (path, signature, body) => {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (signature !== undefined && /^[\x20-\x7e]*$/.test(signature)) headers['x-retell-signature'] = signature;
            const res = await send('POST', path, body, headers);
            expect(res.status).toBe(401);
            expect(isEnvelope(res.json)).toBe(true);
          },
        ),
        settings,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'webhooks, signed: always 204, and no call stays open after its call_ended',
    async () => {
      const field = (valid: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: value, weight: 1 });
      const instant = fc.oneof(
        fc.integer({ min: Date.parse(API_NOW) - 3_600_000, max: Date.parse(API_NOW) }),
        fc.constantFrom(-1, 0, 253_402_300_800_000, 8.64e15 + 1, 1.5),
      );
      const callFields = fc.record(
        {
          call_type: field(fc.constantFrom('phone_call', 'web_call')),
          direction: field(fc.constantFrom('inbound', 'outbound')),
          from_number: field(fc.constantFrom('+4917612345678', '0176 1234567', 'anonymous', '12ab')),
          to_number: field(fc.constant(w.salon.definition.phoneNumbers[0]!)),
          agent_id: field(fc.string({ maxLength: 20 })),
          call_status: field(fc.constantFrom('registered', 'ongoing', 'ended', 'error', 'not_connected')),
          start_timestamp: field(instant),
          end_timestamp: field(instant),
          duration_ms: field(fc.nat({ max: 7_200_000 })),
          disconnection_reason: field(fc.constantFrom('user_hangup', 'agent_hangup', 'error_unknown', 'call_transfer')),
          transcript: field(utf16),
          transcript_object: field(fc.array(fc.record({ role: fc.constantFrom('agent', 'user'), content: utf16 }), { maxLength: 4 })),
          call_analysis: field(fc.dictionary(utf16, fc.jsonValue({ maxDepth: 3 }))),
          latency: field(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))),
          __proto__: value,
        },
        { requiredKeys: [] },
      );
      const idSuffix = fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fc.constantFrom('\u0000', '\ud800', ' ', '\udc00x'), weight: 1 });
      const ended: string[] = [];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('call_started', 'call_ended', 'call_analyzed', 'transcript_updated'),
          callFields,
          idSuffix,
          fc.constantFrom('call', 'data'),
          fc.boolean(),
          async (event, fields, suffix, wrap, started) => {
            const id = `fuzz_${randomUUID()}${suffix}`;
            const stored = cleanText(id.trim());
            if (started) {
              const start = JSON.stringify({
                event: 'call_started',
                call: { call_id: id, call_status: 'ongoing', to_number: w.salon.definition.phoneNumbers[0] },
              });
              expect((await send('POST', '/retell/webhook', start, signed(start))).status).toBe(204);
            }
            // JSON.stringify drops a key named __proto__ set by fc.record's object; write it in by hand when there is one.
            const { __proto__: proto, ...rest } = fields as Record<string, unknown>;
            let body = JSON.stringify({ event, [wrap]: { ...rest, call_id: id } });
            if (proto !== undefined) body = body.replace(`{"`, `{"__proto__":${JSON.stringify(proto) ?? 'null'},"`);
            const res = await send('POST', '/retell/webhook', body, signed(body));
            expect(res.status).toBe(204);
            if (event === 'call_ended' || event === 'call_analyzed') ended.push(stored);
          },
        ),
        settings,
      );
      const open = ended.length === 0 ? [] : await t.database.db.select({ id: calls.id, status: calls.status }).from(calls).where(inArray(calls.id, ended));
      expect(open.filter((c) => c.status === 'ongoing' || c.status === 'registered')).toEqual([]);
      // Every ended call was written: none was dropped because of one bad field.
      expect(new Set(open.map((c) => c.id)).size).toBe(new Set(ended).size);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the staff API with a valid token: every answer below 500, every error the envelope',
    async () => {
      const ids = () => [w.appointments.emmaTue, w.appointments.fabianTue, w.appointments.emmaWed, w.appointments.other, w.calls.emmaBooked, w.calls.other];
      const id = fc.oneof({ arbitrary: fc.constantFrom(...ids()), weight: 3 }, { arbitrary: urlPiece, weight: 2 });
      const encodedDate = dates.map((d) => encodeURIComponent(d));
      const query = fc
        .dictionary(
          fc.constantFrom('from', 'to', 'status', 'outcome', 'staff', 'customer', 'phone', 'q', 'limit', 'cursor', 'service', 'date', 'x'),
          fc.oneof(
            { arbitrary: urlPiece, weight: 3 },
            { arbitrary: encodedDate, weight: 3 },
            {
              arbitrary: fc.constantFrom(
                '2030-03-05',
                '9999-12-31',
                '0000-01-01T00:00:00Z',
                '-1',
                '0',
                '1e9',
                'booked',
                'eyJsIjoiY2FsbHMiLCJrIjoiMDAwMC0wMS0wMVQwMDowMDowMC4wMDAwMDBaIiwiaSI6IngifQ',
              ),
              weight: 2,
            },
          ),
          { maxKeys: 4 },
        )
        .map((q) =>
          Object.entries(q)
            .map(([k, v]) => `${k}=${v}`)
            .join('&'),
        );
      const get = fc
        .tuple(
          fc.constantFrom(
            '/api/calls',
            '/api/appointments',
            '/api/customers',
            '/api/staff',
            '/api/services',
            '/api/availability',
            '/api/time-off',
            '/api/closures',
            '/api/calls/',
            '/api/appointments/',
            '/api/customers/',
          ),
          id,
          query,
        )
        .map(([base, i, q]) => ({ method: 'GET', path: `${base.endsWith('/') ? base + i : base}?${q}`, body: undefined as string | Uint8Array | undefined }));
      const writeBody = fc.record(
        {
          startsAt: fc.oneof(dates, value),
          staffId: fc.oneof(fc.constantFrom(w.salon.staff.emma, w.salon.staff.fabian, w.other.staff.emma), value),
          reason: value,
          serviceId: fc.oneof(fc.constantFrom(w.salon.services.herrenhaarschnitt, w.other.services.herrenhaarschnitt), value),
          customer: fc.oneof(
            fc.record({ name: fc.oneof(fc.constantFrom('Greta Lind'), value), phone: fc.oneof(fc.constantFrom('0176 5550101'), value) }),
            value,
          ),
          from: fc.oneof(dates, value),
          to: fc.oneof(dates, value),
        },
        { requiredKeys: [] },
      );
      const post = fc.oneof(
        fc
          .tuple(fc.constantFrom('cancel', 'reschedule', 'complete', 'no-show'), id, rawBody(writeBody))
          .map(([action, i, body]) => ({ method: 'POST', path: `/api/appointments/${i}/${action}`, body })),
        fc
          .tuple(fc.constantFrom('/api/appointments', '/api/time-off', '/api/closures'), rawBody(writeBody))
          .map(([path, body]) => ({ method: 'POST', path, body })),
        fc
          .tuple(fc.constantFrom('/api/time-off/', '/api/closures/'), id)
          .map(([base, i]) => ({ method: 'DELETE', path: base + i, body: undefined as string | Uint8Array | undefined })),
      );
      const token = fc.constantFrom(w.tokens.admin, w.tokens.emma, w.tokens.fabian);
      await fc.assert(
        fc.asyncProperty(fc.oneof(get, post), token, async (req, tok) => {
          const res = await send(req.method, req.path, req.body, { 'content-type': 'application/json', ...bearer(tok) });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(isEnvelope(res.json)).toBe(true);
        }),
        settings,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('ends with no 5xx at all', () => {
    // The summary of a large run (npm run fuzz); the small one in npm test stays quiet.
    if (process.env.FUZZ_RUNS) console.info(`http fuzz: ${requests} requests, ${failures.length} answers of 500 or more`);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(0);
  });
});
