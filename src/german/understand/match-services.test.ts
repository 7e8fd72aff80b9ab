import { describe, expect, it } from 'vitest';
import { matchServices, type ServiceEntry } from './match-services.js';

const SALON: ServiceEntry[] = [
  { id: 'damen', name: 'Damenhaarschnitt', synonyms: ['Damenschnitt'] },
  { id: 'herren', name: 'Herrenhaarschnitt', synonyms: ['Herrenschnitt', 'Männerhaarschnitt'] },
  { id: 'waschen', name: 'Waschen/Föhnen', synonyms: ['Waschen und Föhnen'] },
  { id: 'ansatz', name: 'Ansatzfärbung', synonyms: ['Ansatz nachfärben'] },
  { id: 'straehnchen', name: 'Strähnchen', synonyms: ['Highlights'] },
];
const ids = (text: string, opts = {}) => matchServices(text, SALON, opts).map((m) => m.serviceId);

describe('matchServices', () => {
  it.each([
    ['Ansatzfärbung', 'ansatz'],
    ['Ansatz Färbung', 'ansatz'],
    ['Ansatzfaerbung', 'ansatz'],
    ['ansatz-färbung bitte', 'ansatz'],
    ['Ansatzfärbungen', 'ansatz'],
    ['Ansatsfärbung', 'ansatz'],
    ['Strähnchen', 'straehnchen'],
    ['Strähnen', 'straehnchen'],
    ['Straehnchen', 'straehnchen'],
    ['ein paar Highlights', 'straehnchen'],
    ['Herrenschnitt', 'herren'],
    ['Herrenhaarschnitt', 'herren'],
    ['Herren Haarschnitt', 'herren'],
    ['Damen Haar Schnitt', 'damen'],
    ['einmal Waschen und Föhnen', 'waschen'],
    ['waschen föhnen', 'waschen'],
  ])('recognises "%s"', (text, id) => {
    const found = matchServices(text, SALON);
    expect(found.map((m) => m.serviceId)).toEqual([id]);
    expect(found[0]!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('gives exact names full confidence and fuzzy ones less', () => {
    expect(matchServices('Ansatzfärbung', SALON)[0]!.confidence).toBe(1);
    expect(matchServices('Ansatsfärbung', SALON)[0]!.confidence).toBeLessThan(1);
  });

  it('returns both cuts, with lower confidence, for a generic haircut', () => {
    for (const text of ['Haare schneiden', 'einen Haarschnitt', 'nur schneiden bitte']) {
      const found = matchServices(text, SALON);
      expect(found.map((m) => m.serviceId)).toEqual(['damen', 'herren']);
      for (const m of found) expect(m.confidence).toBeLessThanOrEqual(0.5);
    }
  });

  it('lets a hint in the text or from the caller pick the cut', () => {
    expect(ids('Haare schneiden für meinen Mann')).toEqual(['herren']);
    expect(ids('meine Tochter bräuchte einen Haarschnitt')).toEqual(['damen']);
    expect(ids('Haare schneiden', { hint: 'herren' })).toEqual(['herren']);
    expect(matchServices('Haare schneiden', SALON, { hint: 'damen' })[0]!.confidence).toBe(0.8);
  });

  it('finds several services in one sentence, in spoken order', () => {
    expect(ids('Ansatzfärbung und danach Strähnchen')).toEqual(['ansatz', 'straehnchen']);
    expect(ids('Strähnchen, Waschen und Föhnen und einen Damenschnitt')).toEqual(['straehnchen', 'waschen', 'damen']);
  });

  it('finds nothing in sentences without a service', () => {
    expect(ids('morgen um drei bei Emma')).toEqual([]);
    expect(ids('ich möchte einen Termin')).toEqual([]);
    expect(ids('')).toEqual([]);
  });

  it('handles a practice catalogue', () => {
    const practice: ServiceEntry[] = [
      { id: 'kontrolle', name: 'Kontrolluntersuchung', synonyms: ['Kontrolle', 'Routine Checkup'] },
      { id: 'notfall', name: 'Emergency Treatment', synonyms: ['Notfall', 'Notfallbehandlung', 'Schmerzbehandlung'] },
    ];
    expect(matchServices('ich brauche eine Kontroll Untersuchung', practice).map((m) => m.serviceId)).toEqual(['kontrolle']);
    expect(matchServices('es ist ein Notfall', practice).map((m) => m.serviceId)).toEqual(['notfall']);
    expect(matchServices('Routine-Check-up', practice).map((m) => m.serviceId)).toEqual(['kontrolle']);
  });
});
