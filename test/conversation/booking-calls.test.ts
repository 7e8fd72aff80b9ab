import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { customers } from '../../src/db/schema.js';
import { CALLER, scenario } from '../support/call-scenario.js';
import { openTestPostgres } from '../support/databases.js';

describe('whole calls that book', () => {
  let database: Database;
  beforeAll(() => {
    database = openTestPostgres();
  });
  afterAll(async () => {
    await database.close();
  });

  it('books a haircut from a German caller, step by step, and reads it back', async () => {
    const s = await scenario(database);
    const { driver, greeting } = await s.call();
    expect(greeting).toBe('Salon Haarmonie, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?');
    expect((await driver.say('Hallo, ich hätte gern einen Herrenschnitt')).text).toBe(
      'Wann hätten Sie denn Zeit? Sagen Sie mir gern einen Tag und eine Uhrzeit.',
    );
    const offer = await driver.say('äh nächsten Dienstag so gegen halb drei, bei der Emma');
    expect(offer.text).toBe(
      'Einen Moment, ich schaue kurz nach. Am Dienstag um halb drei ist bei Emma ein Termin für einen Herrenhaarschnitt frei. Soll ich ihn für Sie eintragen?',
    );
    expect(await s.held()).toHaveLength(1);
    expect((await driver.say('ja passt')).text).toContain('Auf welchen Namen darf ich den Termin eintragen?');
    expect((await driver.say('Maria Schmidt')).text).toBe('Darf ich den Termin unter der Nummer eintragen, von der Sie anrufen, mit den Endziffern 5 6 7 8?');
    const done = await driver.say('ja genau');
    expect(done.text).toBe(
      'Einen Moment, ich trage das ein. Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma. Kann ich sonst noch etwas für Sie tun?',
    );
    const bye = await driver.say('nein danke, das wars');
    expect(bye).toMatchObject({ endCall: true });
    await driver.end();
    expect(await s.booked()).toEqual([
      expect.objectContaining({ at: '2026-11-24T14:30', staffId: s.salon.staff.emma, serviceId: s.salon.services.herrenhaarschnitt, callId: driver.callId }),
    ]);
    expect(await s.customer()).toMatchObject({ name: 'Maria Schmidt', appointmentCount: 1 });
    expect(await s.callRow(driver.callId)).toMatchObject({ outcome: 'booked', status: 'ended', businessId: s.salon.id });
    expect(await s.held()).toHaveLength(0);
  });

  it('understands several facts in one sentence and books with "egal" staff', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const offer = await driver.say('Ich brauche einen Herrenhaarschnitt morgen um zehn, egal bei wem');
    expect(offer.text).toMatch(
      /^Einen Moment, ich schaue kurz nach\. Morgen um 10 Uhr hat (Emma|Fabian|Oliver) Zeit für einen Herrenhaarschnitt\. Soll ich Ihnen den Termin eintragen\?$/,
    );
    await driver.say('ja gerne');
    await driver.say('Weber, Jonas');
    const done = await driver.say('jawoll');
    expect(done.text).toContain('Ihr Termin ist eingetragen: Herrenhaarschnitt morgen um 10 Uhr bei');
    const rows = await s.booked();
    expect(rows.map((r) => r.at)).toEqual(['2026-11-20T10:00']);
    expect(await s.customer()).toMatchObject({ name: 'Jonas Weber' });
  });

  it('explains a composite service only when asked, then books all its phases', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const answer = await driver.say('Wie lange dauert denn eine Ansatzfärbung?');
    expect(answer.text).toBe('Bei der Ansatzfärbung sind Sie etwa zwei Stunden bei uns, mit Einwirkzeit dazwischen. Möchten Sie dafür einen Termin?');
    const offer = await driver.say('ja, am Mittwoch um zehn bei Oliver');
    expect(offer.text).toContain('Am Mittwoch um 10 Uhr hat Oliver Zeit für eine Ansatzfärbung.');
    await driver.say('ja');
    await driver.say('mein Name ist Petra Freitag');
    await driver.say('ja');
    const rows = await s.booked();
    expect(rows).toEqual([expect.objectContaining({ at: '2026-11-25T10:00', staffId: s.salon.staff.oliver, serviceId: s.salon.services.ansatzfaerbung })]);
    expect(await s.customer()).toMatchObject({ name: 'Petra Freitag' });
  });

  it('greets a returning caller by name and does not ask for name or number again', async () => {
    const s = await scenario(database);
    const first = await s.call();
    await first.driver.say('Herrenhaarschnitt am Mittwoch um elf');
    await first.driver.say('ja');
    await first.driver.say('Jonas Weber');
    await first.driver.say('ja');
    await first.driver.end();
    const { driver, greeting } = await s.call();
    expect(greeting).toBe(
      'Salon Haarmonie, guten Tag, Herr Weber! Schön, dass Sie wieder anrufen. Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?',
    );
    await driver.say('Herrenhaarschnitt am Freitag um elf');
    const done = await driver.say('ja bitte');
    // Said on a Thursday, "Freitag" is tomorrow: the weekday the caller used, with its date to remember.
    expect(done.text).toContain('Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag, dem 20. November, um 11 Uhr');
    expect(done.text).not.toContain('Namen');
    expect((await s.booked()).map((b) => b.at).sort()).toEqual(['2026-11-20T11:00', '2026-11-25T11:00']);
    expect(await s.customer()).toMatchObject({ appointmentCount: 2 });
  });

  it('after a booking for the daughter, greets the number by no name and books "für mich selbst" under the caller, not the daughter', async () => {
    const s = await scenario(database);
    const first = await s.call();
    await first.driver.say('Ich hätte gern einen Damenhaarschnitt für meine Tochter Lena Weber am Mittwoch um elf');
    await first.driver.say('ja');
    await first.driver.say('ja');
    await first.driver.end();
    const { driver, greeting } = await s.call();
    expect(greeting).toBe('Salon Haarmonie, guten Tag! Schön, dass Sie wieder anrufen. Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?');
    await driver.say('für mich selbst einen Herrenhaarschnitt am Freitag um elf');
    const asked = await driver.say('ja bitte');
    expect(asked.text).toContain('Auf welchen Namen darf ich den Termin eintragen?');
    await driver.say('Jonas Weber');
    await driver.say('ja');
    const rows = await s.booked();
    expect(rows).toHaveLength(2);
    const people = await database.db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(eq(customers.businessId, s.salon.id), eq(customers.phoneE164, CALLER)));
    expect(people.map((p) => p.name).sort()).toEqual(['Jonas Weber', 'Lena Weber']);
    const byName = new Map(people.map((p) => [p.name, p.id]));
    expect(rows.find((r) => r.at === '2026-11-25T11:00')?.customerId).toBe(byName.get('Lena Weber'));
    expect(rows.find((r) => r.at === '2026-11-20T11:00')?.customerId).toBe(byName.get('Jonas Weber'));
  });

  it('offers alternatives when the wished time is taken, and books the second one on "den zweiten"', async () => {
    const s = await scenario(database);
    const other = await s.call('+4915112345678');
    await other.driver.say('Herrenhaarschnitt am Dienstag um zehn bei Emma');
    await other.driver.say('ja');
    await other.driver.say('Anna Roth');
    await other.driver.say('ja');
    const { driver } = await s.call();
    const offer = await driver.say('Einen Herrenschnitt am Dienstag um zehn bei Emma bitte');
    expect(offer.text).toBe(
      'Einen Moment, ich schaue kurz nach. Zu der Zeit ist Emma leider schon ausgebucht. Bei Emma habe ich am Dienstag um halb zehn oder um halb elf noch einen Termin frei. Welcher der beiden Termine wäre Ihnen lieber?',
    );
    // The tool result in Retell's transcript is the reception's typed outcome: the held slots in instants.
    const alternatives = offer.tools[0]!.result!.slots as Array<{ startsAt: string }>;
    await driver.say('den zweiten bitte');
    await driver.say('Maria Schmidt');
    await driver.say('ja');
    const mine = (await s.booked()).filter((b) => b.callId === driver.callId);
    expect(mine).toHaveLength(1);
    expect(new Date(alternatives[1]!.startsAt).getTime()).toBe(new Date(`${mine[0]!.at}:00+01:00`).getTime());
    expect(await s.held()).toHaveLength(0);
  });

  it('replaces only the day on "nein, lieber Donnerstag" and keeps the time', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Damenhaarschnitt am Dienstag um drei bei Emma');
    const changed = await driver.say('nein, lieber Donnerstag');
    // The second offer in a row is worded otherwise than the first.
    expect(changed.text).toContain('Am Donnerstag, dem 26. November, um 15 Uhr ist bei Emma ein Termin für einen Damenhaarschnitt frei.');
    expect((await s.held()).map((h) => h.startsAt.toISOString())).toEqual(['2026-11-26T14:00:00.000Z']);
  });

  it('tells a closed day and offers open ones', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const r = await driver.say('Geht ein Herrenhaarschnitt am Montag um zehn?');
    // Which day is closed, and the wished time on the nearest open days: Tuesday (one day after) before Saturday.
    expect(r.text).toMatch(
      /^Einen Moment, ich schaue kurz nach\. Montags haben wir leider geschlossen\. .*am Dienstag, dem 24\. November, um 10 Uhr.*am Samstag, dem 21\. November, um 10 Uhr.*\?$/,
    );
  });

  it('says when a staff member does not do a service and offers who does', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const r = await driver.say('Strähnchen am Mittwoch um zehn bei Fabian');
    expect(r.text).toMatch(/^Einen Moment, ich schaue kurz nach\. Das macht Fabian leider nicht\. .* bei Emma .*\?$/);
  });

  it('finds the earliest slots for "so früh wie möglich"', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const r = await driver.say('Waschen und Föhnen, so früh wie möglich');
    // Thursday 09:00 with an hour's notice: the first open start is today at 10:00.
    expect(r.text).toMatch(/^Einen Moment, ich schaue kurz nach\. Für Waschen und Föhnen (könnte ich Ihnen|habe ich) (bei \p{L}+ )?heute um 10 Uhr/u);
  });

  it('asks which service when the caller is vague, and lists the services for an unknown one', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    expect((await driver.say('Ich will einen Termin')).text).toMatch(/^Gern\. Welche Leistung wünschen Sie\? Wir bieten .* an\.$/);
    // Asked again in other words, still with the list.
    expect((await driver.say('eine Dauerwelle')).text).toMatch(/^Verzeihung, welche Leistung darf ich für Sie eintragen\? Zum Beispiel .*Herrenhaarschnitt/);
  });

  it('books under another number when the caller does not want the calling one', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zwölf');
    await driver.say('ja');
    await driver.say('Karl Huber');
    expect((await driver.say('nein, lieber auf eine andere')).text).toBe('Unter welcher Telefonnummer erreichen wir Sie?');
    // Another number is read back digit by digit before anything is booked under it.
    expect((await driver.say('null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwei')).text).toBe(
      'Ich wiederhole die Nummer: null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwo. Ist das richtig?',
    );
    expect(await s.customer('+4917698765432')).toBeUndefined();
    const done = await driver.say('ja, stimmt');
    expect(done.text).toContain('Ihr Termin ist eingetragen');
    expect(await s.customer('+4917698765432')).toMatchObject({ name: 'Karl Huber', appointmentCount: 1 });
    expect(await s.customer(CALLER)).toBeUndefined();
  });

  it('asks for another time after "nein" to an offer, then offers again', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn');
    expect((await driver.say('nein, das passt mir nicht')).text).toBe('Kein Problem. Wann würde es Ihnen stattdessen passen?');
    expect((await driver.say('dann Freitag nachmittags')).text).toMatch(
      /^Einen Moment, ich schaue kurz nach\. Für einen Herrenhaarschnitt (könnte ich Ihnen|habe ich) (bei \p{L}+ )?am Freitag um /u,
    );
  });

  it('books a second appointment in the same call', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Fabian');
    await driver.say('ja');
    await driver.say('Jonas Weber');
    await driver.say('ja');
    expect((await driver.say('ja, noch einen Damenhaarschnitt am Mittwoch um zehn bei Emma')).text).toContain(
      'um 10 Uhr hat Emma Zeit für einen Damenhaarschnitt.',
    );
    expect((await driver.say('ja')).text).toContain('Ihr Termin ist eingetragen: Damenhaarschnitt');
    expect((await s.booked()).map((b) => b.staffId).sort()).toEqual([s.salon.staff.emma, s.salon.staff.fabian].sort());
  });

  it('books at the practice when the practice number is called', async () => {
    const s = await scenario(database);
    const { DEMO_PRACTICE_ID } = await import('../../src/business-file/demo-businesses.js');
    const { seedDemo } = await import('../../src/business-file/seed-demo.js');
    await seedDemo(database.db, new Date());
    const { DialogueDriver } = await import('../support/dialogue-driver.js');
    const driver = new DialogueDriver(s.deps, `practice-${Date.now()}`);
    const greeting = await driver.start({ toNumber: '+493098765430', fromNumber: '+4917611111111' });
    expect(greeting).toContain('Zahnarztpraxis Doktor Berger');
    expect((await driver.say('Ich bräuchte eine Kontrolluntersuchung am Montag um neun')).text).toContain('Zeit für eine Kontrolluntersuchung.');
    await driver.say('ja');
    await driver.say('Eva Klein');
    expect((await driver.say('ja')).text).toContain('Ihr Termin ist eingetragen: Kontrolluntersuchung am Montag, dem 23. November, um 9 Uhr');
    const row = await s.callRow(driver.callId);
    expect(row?.businessId).toBe(DEMO_PRACTICE_ID);
  });
});
