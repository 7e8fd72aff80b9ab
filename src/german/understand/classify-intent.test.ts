import { describe, expect, it } from 'vitest';
import { classifyIntent, type Intent } from './classify-intent.js';

const CASES: Record<Intent, string[]> = {
  yes: ['ja', 'Ja bitte', 'jawoll', 'jawohl', 'passt', 'passt gut', 'genau', 'gerne', 'sehr gerne', 'okay', 'alles klar', 'einverstanden', 'in Ordnung', 'richtig', 'das passt', 'Ja, das passt gut', 'machen wir so', 'Ja gerne, buchen Sie das', 'klingt gut', 'super', 'auf jeden Fall', 'mhm'],
  no: ['nein', 'nee', 'ne', 'nö', 'nein danke', 'lieber nicht', 'auf keinen Fall', 'eher nicht', 'Nein, das passt nicht', 'passt mir nicht', 'das geht leider nicht', 'leider nicht', 'ach nee'],
  cancel_appointment: ['Moin, ich möcht meinen Termin absagen', 'Ich möchte meinen Termin absagen', 'Können Sie meinen Termin stornieren?', 'Ich kann morgen leider nicht kommen', 'ich muss den Termin canceln', 'Ja, ich möchte absagen'],
  reschedule_appointment: ['Kann ich den Termin verschieben?', 'Ich würde meinen Termin gern verlegen', 'Termin umbuchen bitte', 'Können wir den Termin auf einen anderen Tag legen?', 'Nein, ich möchte den Termin ändern'],
  book: ['Ich hätte gern einen Termin', 'Ich möchte einen Termin vereinbaren', 'Ja, ich möchte einen Termin für einen Haarschnitt', 'Kann ich einen Termin machen?', 'Ich bräuchte eine Kontrolluntersuchung', 'ich würde mir gern die Haare schneiden lassen', 'Haben Sie einen Termin frei?', 'Hallo, ich hätte gern nächsten Freitag um sieben eine Ansatzfärbung',
    'Moin, hätte gern nen Termin', 'Servus, i bräucht an Termin', 'Grüß Gott, ich würde gern einen Haarschnitt buchen', 'Ich hätt gern nen Termin', 'nen Termin bräucht ich', 'Guten Tach, ich möcht nen Herrenschnitt'],
  human: ['Ich möchte einen Mitarbeiter sprechen', 'einen Menschen bitte', 'verbinden Sie mich bitte', 'Kann ich mit jemandem sprechen?', 'Ich will mit einem echten Menschen reden', 'Können Sie mich zur Chefin durchstellen?', 'Ich rede nicht mit einer Maschine, ich will keinen Roboter'],
  repeat: ['wie bitte?', 'nochmal bitte', 'Können Sie das wiederholen?', 'Das habe ich nicht verstanden', 'Entschuldigung?', 'noch einmal bitte', 'Was haben Sie gesagt?'],
  goodbye: ['tschüss', 'Tschüs!', 'auf Wiederhören', 'Auf Wiedersehen', "das war's", 'Das wär’s, danke', 'nein danke, das war alles', 'schönen Tag noch', 'Danke, ciao'],
  opening_hours: ['Wann haben Sie geöffnet?', 'Haben Sie am Samstag offen?', 'Was sind Ihre Öffnungszeiten?', 'Bis wann haben Sie heute auf?', 'Wie lange haben Sie heute offen?', 'Wann machen Sie morgen auf?'],
  unknown: ['Dienstag um drei', 'hm', '', 'Ansatzfärbung', 'Meine Nummer ist 0176 1234 5678', 'Moin', 'Servus', 'Grüß Gott', 'Guten Tach', 'Moin moin', "geht's auch Dienstach?"],
};

describe('classifyIntent', () => {
  for (const [intent, sentences] of Object.entries(CASES)) {
    it.each(sentences)(`reads "%s" as ${intent}`, (text) => {
      expect(classifyIntent(text)).toBe(intent);
    });
  }
});
