import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrompt } from '../src/cli/prompt.js';
import { createFixedClock } from '../src/clock.js';
import { services } from '../src/db/schema.js';
import { bearer, createTestApp, type TestApp } from './support/app.js';
import { API_NOW, token } from './support/api-fixture.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { memoryIo } from './support/cli-io.js';

describe('the system prompt for an agent on Retell’s own LLM', () => {
  let t: TestApp;
  let salon: TestBusiness;
  let other: TestBusiness;
  let admin: string;
  const clock = createFixedClock(API_NOW);

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    [salon, other] = await Promise.all([
      createTestSalon(t.database.db, (b) => ({ ...b, name: 'Salon Nordlicht', address: 'Osterstraße 5, 20259 Hamburg' })),
      createTestSalon(t.database.db),
    ]);
    admin = await token(t.database.db, salon.id, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const prompt = (query: string, as?: string) => t.app.request(`/retell/prompt${query}`, { headers: as ? bearer(as) : {} });

  it('answers an admin with the business’s prompt as plain text, from its current records', async () => {
    const res = await prompt(`?business=${salon.definition.slug}`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('Du nimmst die Anrufe für Salon Nordlicht entgegen, einen Salon (Osterstraße 5, 20259 Hamburg).');
    expect(text).toContain('- Herrenhaarschnitt (auch: Herrenschnitt, Männerhaarschnitt, Haarschnitt Herren, Schneiden Herren): 30 Minuten, 29 Euro.');
    expect(text).toContain('- Emma Williams');

    await t.database.db.update(services).set({ priceCents: 3150 }).where(eq(services.id, salon.services.herrenhaarschnitt));
    expect(await (await prompt('', admin)).text()).toContain('Herren): 30 Minuten, 31 Euro 50.');
  });

  it('refuses without a token, to a staff token, and for another business', async () => {
    expect((await prompt(`?business=${salon.definition.slug}`)).status).toBe(401);
    expect((await prompt('', await token(t.database.db, salon.id, 'staff', salon.staff.emma))).status).toBe(403);
    const foreign = await prompt(`?business=${other.definition.slug}`, admin);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: { code: 'not_found', message: 'No such business.' } });
    expect((await prompt('?business=no-such-salon', admin)).status).toBe(404);
  });

  it('is printed by termin-agent prompt <slug>', async () => {
    const io = memoryIo();
    expect(await runPrompt([salon.definition.slug], io.streams, { database: t.database })).toBe(0);
    expect(io.out()).toContain('Du nimmst die Anrufe für Salon Nordlicht entgegen');
    const missing = memoryIo();
    expect(await runPrompt(['no-such-salon'], missing.streams, { database: t.database })).toBe(1);
    expect(missing.err()).toBe("no business 'no-such-salon'\n");
  });
});
