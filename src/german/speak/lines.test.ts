import { describe, expect, it } from 'vitest';
import { PRACTICE, SALON, serviceNamed } from '../../../test/support/speak-directory.fixture.js';
import { answerServiceQuestion, askService, askToBookOffered, askWhichOffer, confirmSlot, greeting } from './lines.js';
import { askWhichService, serviceNotOffered } from './refusals.js';

describe('answers about a service, with its article, verb and exact duration', () => {
  it.each<[string, 'price' | 'duration' | 'what', string]>([
    ['Herrenhaarschnitt', 'price', 'Ein Herrenhaarschnitt kostet bei uns 29 Euro.'],
    ['Ansatzfärbung', 'price', 'Eine Ansatzfärbung kostet bei uns 69 Euro.'],
    ['Strähnchen', 'price', 'Strähnchen kosten bei uns 89 Euro.'],
    ['Waschen/Föhnen', 'price', 'Waschen und Föhnen kostet bei uns 25 Euro.'],
    ['Kontrolluntersuchung', 'price', 'Zum Preis für eine Kontrolluntersuchung berät Sie gern eine Kollegin vor Ort.'],
    ['Herrenhaarschnitt', 'duration', 'Ein Herrenhaarschnitt dauert etwa eine halbe Stunde.'],
    ['Damenhaarschnitt', 'duration', 'Ein Damenhaarschnitt dauert etwa eine Dreiviertelstunde.'],
    ['Waschen/Föhnen', 'duration', 'Waschen und Föhnen dauert etwa eine halbe Stunde.'],
    ['Ansatzfärbung', 'duration', 'Bei der Ansatzfärbung sind Sie etwa zwei Stunden bei uns, mit Einwirkzeit dazwischen.'],
    // 105 minutes: not "etwa etwa zwei Stunden", and "bei den" for a plural.
    ['Strähnchen', 'duration', 'Bei den Strähnchen sind Sie etwa eindreiviertel Stunden bei uns, mit Einwirkzeit dazwischen.'],
    ['Schmerzbehandlung', 'duration', 'Eine Schmerzbehandlung dauert etwa eine Stunde.'],
    ['Strähnchen', 'what', 'Strähnen einarbeiten, einwirken lassen, dann Waschen und Föhnen. Insgesamt sind Sie etwa eindreiviertel Stunden bei uns.'],
    ['Herrenhaarschnitt', 'what', 'Schneiden und Styling für Herren.'],
  ])('%s, %s', (name, question, words) => {
    const text = answerServiceQuestion(question, serviceNamed(name));
    expect(text).toBe(words);
    expect(text).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
  });

  it('says a description as a voice should read it', () => {
    const service = { ...serviceNamed('Herrenhaarschnitt'), description: 'Schnitt ca. 30 Min., z. B. mit Bart/Kontur' };
    expect(answerServiceQuestion('what', service)).toBe('Schnitt etwa 30 Minuten, zum Beispiel mit Bart und Kontur');
  });
});

describe('lines around an offer', () => {
  it('asks about one offer or several in the right number', () => {
    expect(askToBookOffered(1)).toBe('Soll ich Ihnen den Termin eintragen?');
    expect(askToBookOffered(3)).toBe('Soll ich Ihnen einen der Termine eintragen?');
    expect(askWhichOffer(1)).toBe('Passt Ihnen der Termin?');
    expect(askWhichOffer(2)).toBe('Welcher der Termine passt Ihnen?');
  });

  it('confirms the chosen slot with the article the service takes, and a bare name as it is', () => {
    const emma = SALON.staff.find((m) => m.name.startsWith('Emma'))!;
    const slot = { staffId: emma.id, startsAt: '2026-11-25T09:00:00Z' };
    const now = new Date('2026-11-19T08:00:00Z');
    const said = (service: Parameters<typeof confirmSlot>[1]) => confirmSlot(slot, service, SALON, now);
    expect(said(serviceNamed('Herrenhaarschnitt'))).toBe('Gut, also der Herrenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Emma.');
    expect(said(serviceNamed('Ansatzfärbung'))).toBe('Gut, also die Ansatzfärbung am Mittwoch, dem 25. November, um 10 Uhr bei Emma.');
    expect(said(serviceNamed('Strähnchen'))).toBe('Gut, also die Strähnchen am Mittwoch, dem 25. November, um 10 Uhr bei Emma.');
    expect(said('Herrenhaarschnitt')).toBe('Gut, also Herrenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Emma.');
  });

  it('names the services as they are spoken, and the practice by its spoken name', () => {
    expect(askService(SALON)).toBe(
      'Gern. Welche Leistung wünschen Sie? Wir bieten Ansatzfärbung, Damenhaarschnitt, Herrenhaarschnitt, Strähnchen sowie Waschen und Föhnen an.',
    );
    expect(askService(PRACTICE)).toBe('Gern. Welche Leistung wünschen Sie? Wir bieten Kontrolluntersuchung, Schmerzbehandlung und Zahnreinigung an.');
    expect(serviceNotOffered(SALON)).toBe(
      'Das bieten wir leider nicht an. Bei uns gibt es Ansatzfärbung, Damenhaarschnitt, Herrenhaarschnitt, Strähnchen sowie Waschen und Föhnen.',
    );
    expect(askWhichService(['Damenhaarschnitt', 'Waschen/Föhnen'])).toBe('Meinen Sie Damenhaarschnitt oder Waschen und Föhnen?');
    expect(greeting(PRACTICE, null)).toBe('Zahnarztpraxis Doktor Berger, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?');
  });
});
