import { describe, expect, it } from 'vitest';
import { detectBusinessQuestion } from './detect-business-question.js';

const faq = [{ keywords: ['Gutschein'] }, { keywords: ['Kinderhaarschnitt', 'Kinder'] }];

describe('detectBusinessQuestion', () => {
  it.each([
    ['Wo finde ich Sie?', 'address'],
    ['äh wo sind sie denn genau', 'address'],
    ['Was ist Ihre Adresse?', 'address'],
    ['wie komme ich am besten zu ihnen', 'directions'],
    ['Welche Haltestelle ist am nächsten?', 'directions'],
    ['Kann ich mit Karte zahlen?', 'payment'],
    ['nehmen sie auch kreditkarte', 'payment'],
    ['kann ich bar bezahlen', 'payment'],
    ['Gibt es Parkplätze?', 'parking'],
    ['wo kann ich das auto abstellen', 'parking'],
    ['Haben Sie WLAN?', 'wifi'],
    ['gibt es bei ihnen internet', 'wifi'],
    ['welche adresse hat der salon', 'address'],
    ['Ist der Salon barrierefrei?', 'accessibility'],
    ['wo also kann ich das auto abstellen', 'parking'],
    ['wo äh also sitzen sie eigentlich', 'address'],
  ])('reads %j as %s', (text, topic) => expect(detectBusinessQuestion(text, faq)).toEqual({ kind: 'topic', topic }));

  it('finds the business’s own questions by their keywords, also inflected', () => {
    expect(detectBusinessQuestion('Verkaufen Sie Gutscheine?', faq)).toEqual({ kind: 'faq', index: 0 });
    expect(detectBusinessQuestion('schneiden sie auch kinder', faq)).toEqual({ kind: 'faq', index: 1 });
  });

  it.each([
    ['Gibt es bei Ihnen Kaffee?', false],
    ['Muss ich vorher die Haare waschen?', false],
    ['kann man bei ihnen auch produkte kaufen', false],
    ['machen sie auch hochsteckfrisuren', true],
    ['kurze Frage, bieten Sie auch Dauerwelle an?', true],
    ['schönen äh guten tag gibt es bei ihnen kaffee', false],
    ['Hallo, ich grüße Sie, kann man bei Ihnen auch Haarpflegeprodukte kaufen?', false],
  ])('reads %j as a question its data may not answer', (text, offering) => expect(detectBusinessQuestion(text, faq)).toEqual({ kind: 'other', offering }));

  it.each([
    'Ich möchte einen Termin am Freitag',
    'Herrenhaarschnitt am Samstag um zehn',
    'was kostet ein Herrenhaarschnitt',
    'ja bitte',
    'Sind Sie noch da?',
    'ich habe Sie im Internet gefunden',
    'meine E-Mail-Adresse ist lena at web punkt de',
    'haben sie am freitag noch was frei',
    'haben Sie mich verstanden',
    'muss ich mir noch überlegen',
    'haben sie heute auf',
  ])('finds no business question in %j', (text) => expect(detectBusinessQuestion(text, faq)).toBeNull());
});
