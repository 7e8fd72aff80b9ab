import type { Prng } from '../soak/prng.js';
import type { ServiceKey, StaffKey } from './call-plan.js';

/**
 * The callers' words: many phrasings per intent, drawn with the run's seed. `{x}` marks a slot filled by the
 * caller (a service, a day, a time, a name). None of these are the sentences the dialogue's own tests use.
 */

export const GREETINGS = ['', '', 'Hallo', 'Guten Tag', 'Ja, guten Tag', 'Hallo, guten Morgen', 'Hi', 'Schönen guten Tag', 'Hallo, ich grüße Sie'];
export const REGIONAL_GREETINGS = ['Moin', 'Moin moin', 'Servus', 'Grüß Gott', 'Tach', 'Mahlzeit', 'Grüß Sie', 'Guten Tach'];

/** The service as the object of "ich hätte gern …" (accusative, with its article). */
export const SERVICE_WORDS: Record<ServiceKey, string[]> = {
  damenhaarschnitt: ['einen Damenhaarschnitt', 'einen Damenschnitt', 'einen Haarschnitt für Damen', 'einmal Damenhaarschnitt', 'einen Frauenhaarschnitt'],
  herrenhaarschnitt: ['einen Herrenhaarschnitt', 'einen Herrenschnitt', 'einen Männerhaarschnitt', 'einmal Herrenschnitt', 'einen Haarschnitt für Herren'],
  waschenFoehnen: ['einmal Waschen und Föhnen', 'Waschen und Föhnen', 'eine Föhnfrisur', 'einmal Föhnen'],
  ansatzfaerbung: ['eine Ansatzfärbung', 'einmal Ansatz färben', 'eine Ansatzfarbe', 'eine Färbung für den Ansatz'],
  straehnchen: ['Strähnchen', 'neue Strähnchen', 'Strähnen', 'Highlights'],
};
/** The same in the colloquial "nen" form where there is an article. */
export function colloquialService(words: string): string {
  return words.replace(/^einen /, 'nen ').replace(/^eine /, 'ne ');
}

/** A booking request around a service phrase (`{svc}`) and the when (`{when}`, possibly empty). */
export const BOOKING_FRAMES = [
  'ich hätte gern {svc} {when}',
  'ich möchte {svc} buchen, {when}',
  'ich bräuchte {svc}, {when}',
  'kann ich {when} {svc} bekommen?',
  'ich würde gern {when} {svc} machen lassen',
  'haben Sie {when} noch was frei für {svc}?',
  'ich wollte einen Termin ausmachen, für {svc}, {when}',
  'ich rufe an wegen eines Termins, {svc} {when}',
  'wäre {when} was frei? Es geht um {svc}',
  'ich bräuchte mal wieder {svc}, am besten {when}',
  'ist {when} noch ein Termin für {svc} drin?',
  'ich hätte gerne einen Termin, {svc}, {when}',
];
export const COLLOQUIAL_FRAMES = [
  'ich bräucht {svc} {when}',
  "geht's {when} für {svc}?",
  'könnt ich {when} {svc} kriegen?',
  'ham Se {when} noch was frei für {svc}?',
  'ich wollt mal {svc} machen lassen, {when}',
  'ich bräuchte nen Termin für {svc}, {when}',
  'wär {when} was drin für {svc}?',
];

export const STAFF_WORDS: Record<StaffKey, string[]> = {
  emma: ['bei Emma', 'bei der Emma', 'bei Frau Williams', 'gern bei Emma', 'am liebsten bei Emma', "wenn's geht bei Emma"],
  fabian: ['bei Fabian', 'beim Fabian', 'bei Herrn Spitzer', 'gern bei Fabian', 'am liebsten beim Fabian'],
  oliver: ['bei Oliver', 'beim Oliver', 'bei Herrn Kretschmer', 'gern bei Oliver', 'wenn möglich bei Oliver'],
};
export const UNKNOWN_STAFF = [
  'Sandra',
  'Jessica',
  'Mandy',
  'Kevin',
  'Frau Schulze',
  'Herrn Becker',
  'Nicole',
  'Dennis',
  'Yvonne',
  'Peggy',
  'Ronny',
  'Frau Lehmann',
  'Herrn Wolf',
  'Jacqueline',
];
export const UNKNOWN_STAFF_WORDS = [
  'bei {who}',
  'bei der {who}',
  'am liebsten bei {who}',
  'wieder bei {who}, die war letztes Mal super',
  "wenn's geht bei {who}",
  'gern wieder bei {who}',
];
export const FALLBACK_STAFF = [
  'ach so, dann eben {staff}',
  'na gut, dann {staff}',
  'schade, dann nehm ich {staff}',
  'dann gern {staff}',
  'okay, dann {staff}, bitte',
];

export const YES = [
  'ja',
  'ja, gern',
  'ja bitte',
  'genau',
  'passt',
  'ja, das passt',
  'super, ja',
  'ja, machen Sie das',
  'gerne',
  'das klingt gut',
  'perfekt, ja',
  'ja, nehm ich',
  'jawohl',
  'ja, richtig',
  'einverstanden',
];
export const REGIONAL_YES = ['jo', 'jo, passt', 'passt scho', 'jawoll', 'joa, gerne', 'freilich', 'jut, nehm ick', 'nu', 'des passt', 'gebongt'];
export const NO = ['nein', 'nee', 'nein, danke', 'eher nicht'];
export const PICK_FIRST = ['den ersten', 'den ersten bitte', 'der erste passt', 'das erste'];
export const PICK_SECOND = ['den zweiten', 'lieber den zweiten', 'der zweite passt mir besser', 'das zweite'];
export const PICK_BY_TIME = ['den um {time}', 'lieber {time}', '{time} nehme ich'];

export const MISMATCH = [
  'nein, ich wollte {when}',
  'nee, eigentlich {when}',
  'nicht ganz, ich meinte {when}',
  'hm, nein, {when} wäre mir lieber',
  'das passt nicht, geht {when}?',
  'nein, bitte {when}',
];
export const WHEN_ANSWERS = [
  '{when}',
  '{when}, bitte',
  "wie wär's mit {when}?",
  'am besten {when}',
  'geht {when}?',
  '{when} wäre gut',
  'mir würde {when} passen',
];

export const NAME_ANSWERS = [
  '{full}',
  '{full}, bitte',
  'Mein Name ist {full}',
  'Auf {full} bitte',
  '{last}, {first} {last}',
  'Das ist {full}',
  '{first} {last} heiß ich',
  'Ich heiße {full}',
  'Ja, {full}',
  '{full} heiße ich',
  'Hier ist {full}',
  'auf den Namen {full}, bitte',
];
export const NAME_ANSWERS_FOR_OTHER = ['{full}', 'Auf {full}', 'Der Termin ist für {full}', '{full}, das ist meine {relation}'];
export const PHONE_ANSWERS = ['{phone}', 'die {phone}', 'meine Nummer ist {phone}', 'ja, {phone}'];
export const OTHER_NUMBER_ANSWERS = ['nein, bitte unter {phone}', 'nee, lieber unter der {phone}', 'nein, nehmen Sie bitte die {phone}'];

export const GOODBYES = [
  'nein danke, das war alles',
  'nein, danke, tschüss',
  "Nein, das war's, vielen Dank",
  'nee, alles gut, danke',
  "Danke, das wär's",
  'Nein danke, schönen Tag noch',
  'Das war alles, tschüss',
  'Nein, danke schön, auf Wiederhören',
];
export const REGIONAL_GOODBYES = ['Tschüssi', 'Ciao, danke', 'Servus, danke', 'Tschö', 'Na dann, tschüss', 'Pfiat di, danke', "Mach's gut, tschüss"];

/** Openings that leave out the day, the time or both. */
export const VAGUE_WHEN = ['nächste Woche', 'irgendwann nächste Woche', '', 'in den nächsten Tagen', 'diese oder nächste Woche'];
export const VAGUE_TIME_ONLY = ['{day}', '{day} irgendwann', '{day}, Uhrzeit ist mir egal'];

export const CORRECTIONS_TIME = [
  "ach nee, {old} ist schlecht – geht's auch {new}?",
  'warten Sie, lieber doch {new}',
  'Moment, machen wir lieber {new}',
  'ich hab mich vertan, ich meinte {new}',
  'oh, doch nicht, {new} wäre besser',
  'nein halt, {new} bitte',
  'ach, mir fällt gerade ein, {old} kann ich nicht, geht {new}?',
];
export const CORRECTIONS_AFTER_BOOKED = [
  'Oh, warten Sie, das ist doch schlecht, können wir das auf {new} legen?',
  'Ach Mist, {old} geht doch nicht, lieber {new}',
  'Moment, ich hab mich vertan, ich kann erst {new}',
  'Hm, doch lieber {new}, geht das noch?',
];

export const AT_ONCE_NAME = [
  'hier ist {full}',
  'mein Name ist {full}',
  '{full} hier',
  '{last} mein Name, {first} {last}',
  'ich bin {full}',
  'hier spricht {full}',
  'das ist {full}',
  '{full} am Apparat',
  '{last}, {first} {last}',
  'ich heiße {full}',
];
export const AT_ONCE_NUMBER = [
  'und meine Nummer ist {phone}',
  'Sie erreichen mich unter {phone}',
  'meine Handynummer ist {phone}',
  'bitte unter der Nummer {phone} eintragen',
  'zurückrufen können Sie mich unter {phone}',
];

export const RELATIONS: Array<{ word: string; possessive: string; female: boolean }> = [
  { word: 'Tochter', possessive: 'meine Tochter', female: true },
  { word: 'Sohn', possessive: 'meinen Sohn', female: false },
  { word: 'Frau', possessive: 'meine Frau', female: true },
  { word: 'Mann', possessive: 'meinen Mann', female: false },
  { word: 'Mutter', possessive: 'meine Mutter', female: true },
];
export const FOR_OTHER = [
  'ich möchte {svc} für {rel} {child} buchen, {when}',
  'ich rufe für {rel} {child} an, {when} {svc}',
  'das ist nicht für mich, sondern für {rel} {child}: {svc}, {when}',
  'ich bräuchte {svc} für {rel} {child}, {when}',
];
export const FOR_SELF = [
  'diesmal für mich selbst: {svc}, {when}',
  'ich brauche {svc} für mich, {when}',
  'für mich selber bitte, {svc} {when}',
  'ich hätte gern für mich {svc}, {when}',
];

export const PERSON_REQUESTS = [
  'Kann ich {staff} kurz sprechen?',
  'Ist {staff} da? Ich würde {staff} gern kurz sprechen',
  'Könnten Sie mich mit {staff} verbinden?',
  'Ich hätte gern {staff} am Telefon',
  'Ist {staff} heute im Laden? Ich müsste mal kurz mit {staff} reden',
  'Ich würde gern mit {staff} persönlich sprechen',
  'Verbinden Sie mich bitte mit {staff}',
  'Geben Sie mir mal {staff}?',
  'Ist {staff} gerade da?',
  'Ich müsste {staff} kurz was fragen',
];
export const PERSON_INSIST = [
  'nein, ich möchte nur kurz mit {staff} sprechen',
  'es geht nicht um einen Termin, ich muss {staff} was fragen',
  'verbinden Sie mich bitte einfach mit {staff}',
  'ich hab nur eine kurze Frage an {staff}, ich möchte {staff} sprechen',
];

export type QuestionKind = 'address' | 'directions' | 'payment' | 'parking' | 'hours' | 'faq' | 'unknown' | 'own';
export const QUESTIONS: Record<QuestionKind, string[]> = {
  address: ['Wo finde ich Sie denn?', 'Wie ist Ihre Adresse?', 'Wo genau ist der Salon?', 'In welcher Straße sind Sie?', 'Wo sitzen Sie eigentlich?'],
  directions: ['Wie komme ich zu Ihnen?', 'Wie komme ich mit der Bahn zu Ihnen?', 'Welche Haltestelle ist bei Ihnen in der Nähe?'],
  payment: ['Kann ich bei Ihnen mit Karte zahlen?', 'Nehmen Sie EC-Karte?', 'Kann man bei Ihnen bar bezahlen?', 'Geht bei Ihnen auch Kartenzahlung?'],
  parking: ['Gibt es bei Ihnen Parkplätze?', 'Kann ich bei Ihnen irgendwo parken?', 'Wie ist das mit Parken bei Ihnen?', 'Wo kann ich das Auto abstellen?'],
  hours: ['Wann haben Sie geöffnet?', 'Wie sind Ihre Öffnungszeiten?', 'Haben Sie samstags auf?', 'Bis wann haben Sie offen?'],
  faq: ['Verkaufen Sie auch Gutscheine?', 'Darf ich meinen Hund mitbringen?', 'Schneiden Sie auch Kinder?'],
  unknown: ['Haben Sie WLAN?', 'Gibt es bei Ihnen Kaffee?', 'Machen Sie auch Hochsteckfrisuren?', 'Kann man bei Ihnen auch Haarpflegeprodukte kaufen?'],
  own: [
    'Wann ist eigentlich mein Termin?',
    'Ich hab vergessen, wann mein Termin ist',
    'Können Sie mir sagen, wann ich bei Ihnen dran bin?',
    'Hab ich bei Ihnen noch einen Termin?',
    'Hab ich nächste Woche was bei Ihnen?',
    'Wann war nochmal mein Termin?',
    'Ich weiß nicht mehr, wann ich komme',
    'Können Sie mal schauen, ob ich einen Termin habe?',
    'Um wie viel Uhr war mein Termin noch?',
  ],
};
/** What the salon's data says for a question kind, as the agent must say it (or, for `unknown`, that it cannot). */
export const ANSWER_PATTERNS: Record<Exclude<QuestionKind, 'own'>, RegExp> = {
  address: /Kastanienallee 12/,
  directions: /U2|Eberswalder|M1/,
  payment: /EC-Karte|Kreditkarte|bar/,
  parking: /Parkhaus|Parkpl/,
  hours: /Dienstag bis Freitag.*geöffnet|geöffnet/,
  faq: /Gutschein|Hunde|Kinder/,
  unknown: /leider.*(verbinden|Kollegin)/,
};

export const CANCEL_OWN = [
  'Ich muss meinen Termin leider absagen',
  'Ich kann zu meinem Termin {day} nicht kommen, können Sie den stornieren?',
  'Ich möchte meinen Termin canceln',
  'Ich würd gern meinen Termin absagen, ich bin krank',
  'Mein Termin {day} muss leider ausfallen',
  'Ich schaff das {day} nicht, bitte absagen',
];
export const MOVE_OWN = [
  'Kann ich meinen Termin auf {when} verschieben?',
  'Ich müsste meinen Termin verlegen, geht {when}?',
  'Mein Termin {day} passt mir nicht mehr, geht auch {when}?',
  'Können wir meinen Termin auf {when} umlegen?',
  'Ich würde meinen Termin gern auf {when} verschieben',
];
export const CANCEL_PLAIN = [
  'Nein, ich möchte einen Termin absagen',
  'Es geht um eine Absage',
  'Ich will nur meinen Termin stornieren',
  'Keinen neuen, ich muss einen Termin absagen',
];
export const MOVE_PLAIN = [
  'Nein, ich möchte meinen Termin verschieben',
  'Es geht ums Verschieben eines Termins',
  'Ich hab schon einen Termin und möchte den verlegen',
];
export const WHICH_APPOINTMENT = ['den {day}', 'den am {day}', 'den {day} um {time}'];

export const OTHER_PERSON = [
  'Ich möchte den Termin von meiner Frau absagen, der läuft unter {phone}',
  '{otherName} hat {day} einen Termin, den müssen wir leider absagen',
  'Können Sie den Termin von {otherName} auf {when} verschieben?',
  'Ich rufe für meinen Mann an, er kann {day} nicht, bitte absagen, seine Nummer ist {phone}',
  'Meine Kollegin {otherName} schafft ihren Termin {day} nicht, können Sie den streichen?',
  'Den Termin unter der Nummer {phone} bitte stornieren',
];

export const POLITE_ENDINGS = [
  'passt leider beides nicht, ich ruf wieder an',
  'dann eben nicht, trotzdem danke',
  'hm, das ist mir zu knapp, ich melde mich nochmal',
  'ach, dann lass ich das, danke trotzdem',
  "nee, lassen Sie mal, ich überleg's mir nochmal",
  "okay, dann versuch ich's ein andermal, danke",
  'das passt mir alles nicht, ich ruf später nochmal an, tschüss',
  'ich denk nochmal drüber nach, danke',
  "dann lass ich's erstmal, danke",
  'ich frag erst meinen Mann und melde mich dann',
  'schade, dann nicht',
  "ich probier's nächste Woche nochmal",
  'ach, dann komm ich einfach spontan vorbei',
];

export const GIBBERISH = [
  '(unintelligible audio)',
  'hmpf grmbl',
  'äh ja nee also wie',
  'Blumenkohl Fahrradkette',
  'kchhh ... ',
  'das Wetter war ja gestern',
  'mmh hm mh',
  'wie jetzt, was',
];
export const GIBBERISH_GIVE_UP = ['ach, ich ruf später nochmal an, tschüss', 'die Verbindung ist so schlecht, ich melde mich nochmal'];

export const CLOSED_WISH_DAYS: Record<string, string[]> = {
  sunday: ['am Sonntag', 'Sonntag', 'diesen Sonntag', 'am Sonntach'],
  monday: ['am Montag', 'Montag', 'kommenden Montag', 'Montach'],
  christmas: ['am ersten Weihnachtsfeiertag', 'am 25. Dezember', 'am fünfundzwanzigsten Dezember', 'am 25.12.'],
  boxing: ['am zweiten Weihnachtsfeiertag', 'am 26. Dezember', 'am 26.12.'],
};
export const TODAY_WISH = ['geht das heute noch?', 'ginge heute noch was?', 'haben Sie heute noch was frei?', "heute noch, wenn's geht"];

export const BARGE_KEEP = ['hallo?', 'ja genau', 'ja, ja', 'mhm'];
export const BARGE_CHANGE = [
  'ach nee, warten Sie, lieber {new}',
  'Moment, doch {new}',
  'stopp, lieber {new}',
  'oh, halt, {new} wäre besser',
  'nee, doch {new}',
  'äh Moment, {new} bitte',
];

export const FIRST_NAMES_F = [
  'Maria',
  'Anna',
  'Eva',
  'Sophie',
  'Laura',
  'Julia',
  'Lena',
  'Sarah',
  'Nina',
  'Katrin',
  'Petra',
  'Sabine',
  'Claudia',
  'Heike',
  'Jana',
  'Mia',
  'Emilia',
  'Hannah',
];
export const FIRST_NAMES_M = [
  'Jonas',
  'Karl',
  'Lukas',
  'Felix',
  'Paul',
  'Tobias',
  'Martin',
  'Stefan',
  'Thomas',
  'Jan',
  'Uwe',
  'Dirk',
  'Ben',
  'Leon',
  'Noah',
  'Elias',
];
export const LAST_NAMES = [
  'Schmidt',
  'Weber',
  'Roth',
  'Huber',
  'Klein',
  'Wagner',
  'Becker',
  'Schulz',
  'Koch',
  'Richter',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
  'Vogel',
  'Keller',
  'Busch',
  'Kowalski',
  'Yilmaz',
  'Nowak',
  'Lehmann',
];

/** Fills `{x}` slots; a missing slot is an error in the bank. */
export function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`phrase slot {${key}} has no value in "${template}"`);
      return value;
    })
    .replace(/\s+([,?.!:])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .replace(/,\s*$/, '')
    .trim();
}

/** A capitalised sentence: greeting (maybe) + body. */
export function sentence(prng: Prng, greeting: string, body: string): string {
  const text = greeting ? `${greeting}, ${body}` : body;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
