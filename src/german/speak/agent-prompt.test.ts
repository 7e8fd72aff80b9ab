import { describe, expect, it } from 'vitest';
import { PRACTICE, SALON } from '../../../test/support/speak-directory.fixture.js';
import { agentPrompt } from './agent-prompt.js';

describe('the system prompt of an agent on Retell’s own LLM', () => {
  const salon = agentPrompt(SALON);

  it('sends every availability question and every booking through the functions, and forbids inventing', () => {
    expect(salon).toContain('Ob ein Termin frei ist, weißt du nur von der Funktion check_availability. Rufe sie bei jeder Frage nach einem Termin');
    expect(salon).toContain('Erfinde nie freie Termine, Uhrzeiten, Preise, Dauern, Personen oder andere Fakten.');
    expect(salon).toContain('Sag „eingetragen“ oder „gebucht“ erst, wenn book_appointment "booked": true geantwortet hat');
    expect(salon).toContain('lass „mitarbeiter“ leer; „egal“ und „keine Präferenz“ bedeuten dasselbe');
    for (const name of ['check_availability', 'book_appointment', 'cancel_appointment', 'reschedule_appointment', 'end_call']) expect(salon).toContain(name);
  });

  it('states the business’s own facts: name, kind, address, hours by weekday, transfer number', () => {
    expect(salon).toContain('Du nimmst die Anrufe für Salon Haarmonie entgegen, einen Salon (Kastanienallee 12, 10435 Berlin).');
    expect(salon).toContain('Begrüßung: „Salon Haarmonie, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?“');
    expect(salon).toContain(
      [
        '- Montag: geschlossen',
        '- Dienstag: 09:00–18:00 Uhr',
        '- Mittwoch: 09:00–18:00 Uhr',
        '- Donnerstag: 09:00–18:00 Uhr',
        '- Freitag: 09:00–18:00 Uhr',
        '- Samstag: 09:00–14:00 Uhr',
        '- Sonntag: geschlossen',
      ].join('\n'),
    );
    expect(salon).toContain('verbinde mit der Funktion transfer_call an +493012345679.');
    expect(agentPrompt(PRACTICE)).toContain('Du nimmst die Anrufe für Zahnarztpraxis Dr. Berger entgegen, eine Praxis (Schönhauser Allee 80, 10439 Berlin).');
  });

  it('lists every service with its duration and price, and every staff member with what they do', () => {
    expect(salon).toContain('- Herrenhaarschnitt (auch: Herrenschnitt, Männerhaarschnitt, Haarschnitt Herren, Schneiden Herren): 30 Minuten, 29 Euro.');
    expect(salon).toContain(
      '- Ansatzfärbung (auch: Ansatz färben, Ansatzfarbe, Ansatz nachfärben, Färben Ansatz): insgesamt 120 Minuten, mit Einwirkzeit dazwischen, 69 Euro.',
    );
    for (const service of SALON.services) expect(salon).toContain(`- ${service.name}`);
    expect(salon).toContain('- Fabian Spitzer (genannt: Fabian, Herr Spitzer): Damenhaarschnitt, Herrenhaarschnitt, Waschen/Föhnen');
    for (const member of SALON.staff) expect(salon).toContain(`- ${member.name}`);
    expect(agentPrompt(PRACTICE)).toContain(
      '- Kontrolluntersuchung (auch: Kontrolle, Vorsorge, Vorsorgeuntersuchung, Untersuchung, Routineuntersuchung, Checkup): 30 Minuten, Preis nicht hinterlegt',
    );
  });

  it('gives the business’s answers and only those', () => {
    expect(salon).toContain(`- Bezahlen: ${SALON.business.answers.payment}`);
    expect(salon).toContain(`- Parken: ${SALON.business.answers.parking}`);
    expect(salon).toContain('- Zu „Gutschein“, „Gutscheine“, „verschenken“: Ja, Gutscheine bekommen Sie bei uns im Salon, über jeden Betrag.');
    expect(salon).not.toContain('- WLAN:');
    expect(salon).toContain('zu allem anderen: „Dazu habe ich leider keine Angaben.“');
  });

  it('says so when there is nobody to transfer to and nothing to answer', () => {
    const bare = agentPrompt({ ...SALON, business: { ...SALON.business, transferNumber: null, address: null, answers: {} } });
    expect(bare).toContain('Verbinden kannst du nicht.');
    expect(bare).not.toContain('transfer_call');
    expect(bare).toContain('# Auskünfte (nur diese; zu allem anderen: „Dazu habe ich leider keine Angaben.“)\n- (keine hinterlegt)');
  });
});
