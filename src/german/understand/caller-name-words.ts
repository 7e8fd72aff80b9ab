/**
 * Words that are never (part of) a caller's name when heard in a name answer: greetings, function
 * words, booking vocabulary, words of time. Folded spelling. Weekdays and months are handled separately:
 * they may be surnames ("Petra Freitag") but not on their own.
 */
const WORDS = `
ja jaa jawohl nein nee ne no hallo halo hi hey moin servus gruess gruss gott guten gute tag morgen abend abend mahlzeit
danke dank bitte gerne gern okay ok genau richtig stimmt klar super prima gut schoen
ich du er sie es wir ihr mir mich dir dich uns euch ihnen mein meine meinen meiner meinem dein ihre ihren ihrem unser
der die das den dem des ein eine einen einer einem eines kein keine keinen
und oder aber also dann doch noch schon nur auch mal so halt eben eigentlich vielleicht wohl denn etwa ganz sehr
ist bin bist sind seid war waere hier da dort name namen nachname vorname heisse heiss heisst heissen spricht sprechen
frau herr herrn familie
was wie wann wo wer wen wem warum wieso weshalb welche welcher welches
aeh aehm oehm ehm hm hmm mhm tja na naja ach oh
termin termine terminen moechte moechten haette haetten wuerde wuerden will wollte wollen brauche braeuchte kann koennte koennen
muss muesste soll sollte darf duerfte habe hat haben hatte hole anrufen rufe rufen ruft angerufen melde melden
haare haar schneiden schnitt faerben faerbung waschen foehnen straehnchen
heute uebermorgen gestern uhr jetzt gleich sofort bald spaeter frueher frueh
halb viertel dreiviertel naechste naechsten kommende kommenden uebernaechste uebernaechsten diese diesen dieser woche wochenende
vormittag vormittags nachmittag nachmittags mittag mittags abends morgens
entschuldigung sorry leider moment sekunde augenblick verstanden wiederholen nochmal wie bitte
tschuess tschues ciao wiedersehen wiederhoeren auf bis
mit bei beim fuer von zu zum zur um am im in an nach vor ueber unter zwischen
nicht nichts niemand jemand alles etwas
einen termin vereinbaren buchen absagen verschieben stornieren
vom salon praxis friseur frisoer
neu flexibel zeitlich krank verhindert unterwegs zuhause frei ab schade kunde kundin stammkunde stammkundin arbeitet
`;

/** Folded words that end or reject a name. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Service words callers say ("Herrenschnitt", "Ansatzfärbung", "Föhnfrisur"): never a name. */
export const SERVICE_LIKE = /schnitt$|faerb|farbe$|straehn|foehn|frisur|wasch|termin/;

/** Lower-case particles inside surnames ("von der Leyen", "van Gogh"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['von', 'van', 'de', 'der', 'den', 'zu', 'vom', 'zur', 'ter', 'ten', 'di', 'da', 'del', 'la', 'le']);

/** Hesitations a recogniser writes out; they are dropped before a name is read ("katrin äh busch"). */
export const HESITATIONS: ReadonlySet<string> = new Set(['aeh', 'aehm', 'oeh', 'oehm', 'ehm', 'hm', 'hmm', 'mhm']);

/** Words before "Frau"/"Herr" that make the titled person someone else: "bei Herrn Spitzer", "für Frau Weber". */
export const OTHER_PERSON_BEFORE_TITLE: ReadonlySet<string> = new Set([
  'bei',
  'beim',
  'zu',
  'zum',
  'zur',
  'mit',
  'von',
  'vom',
  'fuer',
  'an',
  'nach',
  'ueber',
  'gegenueber',
]);

/** Greetings that may follow a name said first: "Ja, Lisa Meyer, guten Tag". */
export const GREETING_WORDS: ReadonlySet<string> = new Set(['guten', 'hallo', 'gruess', 'gruss', 'servus', 'moin', 'hi', 'tach', 'schoenen']);
