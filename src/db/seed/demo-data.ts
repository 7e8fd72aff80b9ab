import type { BusinessAnswers, ServiceSegment, WeeklyHours } from '../json-columns.js';
import type { GrammaticalGender } from '../schema.js';

// Fixed ids make the seed idempotent (insert … on conflict do nothing) and the demo easy to script against.
export const DEMO_SALON_ID = '5a10b000-0000-4000-8000-000000000001';
export const DEMO_PRACTICE_ID = '5a10b000-0000-4000-8000-000000000002';

export const demoStaffIds = {
  emma: '5a10b000-0000-4000-8001-000000000001',
  fabian: '5a10b000-0000-4000-8001-000000000002',
  oliver: '5a10b000-0000-4000-8001-000000000003',
  berger: '5a10b000-0000-4000-8001-000000000011',
  hoffmann: '5a10b000-0000-4000-8001-000000000012',
} as const;

export const demoServiceIds = {
  damenhaarschnitt: '5a10b000-0000-4000-8002-000000000001',
  herrenhaarschnitt: '5a10b000-0000-4000-8002-000000000002',
  waschenFoehnen: '5a10b000-0000-4000-8002-000000000003',
  ansatzfaerbung: '5a10b000-0000-4000-8002-000000000004',
  straehnchen: '5a10b000-0000-4000-8002-000000000005',
  kontrolle: '5a10b000-0000-4000-8002-000000000011',
  zahnreinigung: '5a10b000-0000-4000-8002-000000000012',
  schmerzbehandlung: '5a10b000-0000-4000-8002-000000000013',
} as const;

const r = (start: string, end: string) => ({ start, end });
const tueToFri = (ranges: Array<{ start: string; end: string }>) => ({ '2': ranges, '3': ranges, '4': ranges, '5': ranges });
const monToFri = (ranges: Array<{ start: string; end: string }>) => ({ '1': ranges, ...tueToFri(ranges) });

export interface DemoService {
  id: string;
  name: string;
  synonyms: string[];
  description: string;
  durationMinutes: number;
  priceCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  segments: ServiceSegment[];
  /** The name's grammatical gender for articles; null or absent: said without one ("Waschen und Föhnen"). */
  grammaticalGender?: GrammaticalGender | null;
  /** The name is a plural ("die Strähnchen"); absent: singular. */
  plural?: boolean;
}

export interface DemoStaff {
  id: string;
  name: string;
  aliases: string[];
  workingHours: WeeklyHours;
  serviceIds: string[];
}

export interface DemoBusiness {
  id: string;
  slug: string;
  name: string;
  kind: 'salon' | 'practice';
  timeZone: string;
  holidayRegion: string;
  phoneNumbers: string[];
  transferNumber: string;
  address: string;
  /** What the agent may say when asked about the business; a missing topic is answered honestly as unknown. */
  answers?: BusinessAnswers;
  openingHours: WeeklyHours;
  services: DemoService[];
  staff: DemoStaff[];
}

const s = demoServiceIds;

export const demoSalon: DemoBusiness = {
  id: DEMO_SALON_ID,
  slug: 'salon-haarmonie-berlin',
  name: 'Salon Haarmonie',
  kind: 'salon',
  timeZone: 'Europe/Berlin',
  holidayRegion: 'DE-BE',
  phoneNumbers: ['+493012345670'],
  transferNumber: '+493012345679',
  address: 'Kastanienallee 12, 10435 Berlin',
  answers: salonAnswers(),
  // Open Tuesday to Saturday; Saturday closes at 14:00.
  openingHours: { ...tueToFri([r('09:00', '18:00')]), '6': [r('09:00', '14:00')] },
  services: [
    {
      id: s.damenhaarschnitt,
      name: 'Damenhaarschnitt',
      synonyms: ['Damenschnitt', 'Haarschnitt Damen', 'Frauenhaarschnitt', 'Schneiden Damen'],
      description: 'Waschen, Schneiden und Föhnen für Damen.',
      durationMinutes: 45,
      priceCents: 4900,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [],
      grammaticalGender: 'm',
      plural: false,
    },
    {
      id: s.herrenhaarschnitt,
      name: 'Herrenhaarschnitt',
      synonyms: ['Herrenschnitt', 'Männerhaarschnitt', 'Haarschnitt Herren', 'Schneiden Herren'],
      description: 'Schneiden und Styling für Herren.',
      durationMinutes: 30,
      priceCents: 2900,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [],
      grammaticalGender: 'm',
      plural: false,
    },
    {
      id: s.waschenFoehnen,
      name: 'Waschen/Föhnen',
      synonyms: ['Waschen und Föhnen', 'Föhnen', 'Waschen Föhnen', 'Föhnfrisur'],
      description: 'Haarwäsche und Föhnfrisur.',
      durationMinutes: 30,
      priceCents: 2500,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [],
      grammaticalGender: null,
      plural: false,
    },
    {
      id: s.ansatzfaerbung,
      name: 'Ansatzfärbung',
      synonyms: ['Ansatz färben', 'Ansatzfarbe', 'Ansatz nachfärben', 'Färben Ansatz'],
      description: 'Farbe auftragen, etwa 45 Minuten einwirken lassen, dann Waschen und Schneiden.',
      durationMinutes: 120,
      priceCents: 6900,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      // While the colour sets, the stylist serves someone else: the gap is free.
      segments: [
        { kind: 'work', minutes: 30 },
        { kind: 'gap', minutes: 45, policy: 'free' },
        { kind: 'work', minutes: 15 },
        { kind: 'work', minutes: 30 },
      ],
      grammaticalGender: 'f',
      plural: false,
    },
    {
      id: s.straehnchen,
      name: 'Strähnchen',
      synonyms: ['Strähnen', 'Highlights', 'Foliensträhnen', 'Balayage'],
      description: 'Strähnen einarbeiten, einwirken lassen, dann Waschen und Föhnen.',
      durationMinutes: 105,
      priceCents: 8900,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [
        { kind: 'work', minutes: 45 },
        { kind: 'gap', minutes: 30, policy: 'free' },
        { kind: 'work', minutes: 30 },
      ],
      grammaticalGender: 'n',
      plural: true,
    },
  ],
  staff: [
    {
      id: demoStaffIds.emma,
      name: 'Emma Williams',
      aliases: ['Emma', 'Frau Williams'],
      workingHours: { ...tueToFri([r('09:00', '12:00'), r('13:00', '18:00')]), '6': [r('09:00', '14:00')] },
      serviceIds: [s.damenhaarschnitt, s.herrenhaarschnitt, s.waschenFoehnen, s.ansatzfaerbung, s.straehnchen],
    },
    {
      id: demoStaffIds.fabian,
      name: 'Fabian Spitzer',
      aliases: ['Fabian', 'Herr Spitzer'],
      workingHours: { ...tueToFri([r('10:00', '13:00'), r('14:00', '18:00')]), '6': [r('09:00', '14:00')] },
      serviceIds: [s.damenhaarschnitt, s.herrenhaarschnitt, s.waschenFoehnen],
    },
    {
      id: demoStaffIds.oliver,
      name: 'Oliver Kretschmer',
      aliases: ['Oliver', 'Herr Kretschmer'],
      workingHours: {
        '3': [r('09:00', '12:30'), r('13:30', '18:00')],
        '4': [r('09:00', '12:30'), r('13:30', '18:00')],
        '5': [r('09:00', '12:30'), r('13:30', '18:00')],
        '6': [r('09:00', '14:00')],
      },
      serviceIds: [s.damenhaarschnitt, s.herrenhaarschnitt, s.waschenFoehnen, s.ansatzfaerbung],
    },
  ],
};

export const demoPractice: DemoBusiness = {
  id: DEMO_PRACTICE_ID,
  slug: 'praxis-dr-berger-berlin',
  name: 'Zahnarztpraxis Dr. Berger',
  kind: 'practice',
  timeZone: 'Europe/Berlin',
  holidayRegion: 'DE-BE',
  phoneNumbers: ['+493098765430'],
  transferNumber: '+493098765439',
  address: 'Schönhauser Allee 80, 10439 Berlin',
  answers: practiceAnswers(),
  openingHours: monToFri([r('08:00', '17:00')]),
  // German names, as callers say them; the synonyms are the other words patients use for the same visit.
  services: [
    {
      id: s.kontrolle,
      name: 'Kontrolluntersuchung',
      synonyms: ['Kontrolle', 'Vorsorge', 'Vorsorgeuntersuchung', 'Untersuchung', 'Routineuntersuchung', 'Checkup'],
      description: 'Die zahnärztliche Kontrolle von Zähnen und Zahnfleisch.',
      durationMinutes: 30,
      priceCents: 0,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [],
      grammaticalGender: 'f',
      plural: false,
    },
    {
      id: s.zahnreinigung,
      name: 'Zahnreinigung',
      synonyms: ['Prophylaxe', 'Professionelle Zahnreinigung', 'PZR', 'Reinigung', 'Zähne reinigen'],
      description: 'Professionelle Zahnreinigung: Beläge und Zahnstein entfernen, dann polieren.',
      durationMinutes: 60,
      priceCents: 9000,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 5,
      segments: [],
      grammaticalGender: 'f',
      plural: false,
    },
    {
      id: s.schmerzbehandlung,
      name: 'Schmerzbehandlung',
      synonyms: ['Notfall', 'Notfallbehandlung', 'Notfalltermin', 'Zahnschmerzen', 'Schmerzen'],
      description: 'Behandlung bei akuten Zahnschmerzen.',
      durationMinutes: 60,
      priceCents: 0,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [],
      grammaticalGender: 'f',
      plural: false,
    },
  ],
  staff: [
    {
      id: demoStaffIds.berger,
      name: 'Dr. Anna Berger',
      aliases: ['Frau Berger', 'Frau Doktor Berger', 'Dr. Berger'],
      workingHours: monToFri([r('08:00', '12:00'), r('13:00', '17:00')]),
      serviceIds: [s.kontrolle, s.zahnreinigung, s.schmerzbehandlung],
    },
    {
      id: demoStaffIds.hoffmann,
      name: 'Dr. Lukas Hoffmann',
      aliases: ['Herr Hoffmann', 'Herr Doktor Hoffmann', 'Dr. Hoffmann'],
      workingHours: monToFri([r('08:00', '12:00'), r('13:00', '17:00')]),
      serviceIds: [s.kontrolle, s.zahnreinigung, s.schmerzbehandlung],
    },
  ],
};

// ---- What the demo businesses answer beyond booking (directions, payment, parking, their own questions) ----
// Functions, so the objects above can be declared before this block; the salon deliberately has no WLAN answer
// and the practice no parking answer, so both show the honest "no data" path.

function salonAnswers(): BusinessAnswers {
  return {
    directions: 'Mit der U2 bis Eberswalder Straße, von dort sind es etwa fünf Minuten zu Fuß die Kastanienallee hinauf. Die Tram M1 hält direkt vor der Tür.',
    payment: 'Sie können bei uns bar, mit EC-Karte oder mit Kreditkarte bezahlen.',
    parking: 'Parkplätze sind in der Kastanienallee knapp; am einfachsten ist das Parkhaus in der Schwedter Straße, etwa fünf Minuten entfernt.',
    accessibility: 'Der Salon liegt im Erdgeschoss und ist ohne Stufen erreichbar.',
    faq: [
      { keywords: ['Gutschein', 'Gutscheine', 'verschenken'], answer: 'Ja, Gutscheine bekommen Sie bei uns im Salon, über jeden Betrag.' },
      {
        keywords: ['Kinderhaarschnitt', 'Kinder', 'Kind'],
        answer: 'Kinder schneiden wir gern; für Kinder bis zwölf Jahre buchen Sie einfach einen Herrenhaarschnitt oder Damenhaarschnitt.',
      },
      { keywords: ['Hund', 'Hunde'], answer: 'Gut erzogene Hunde sind bei uns willkommen.' },
    ],
  };
}

function practiceAnswers(): BusinessAnswers {
  return {
    directions: 'Mit der U2 bis Schönhauser Allee, die Praxis liegt direkt gegenüber dem Ausgang, im ersten Stock.',
    payment: 'Gesetzlich Versicherte bringen bitte ihre Versichertenkarte mit; Privatleistungen zahlen Sie mit EC-Karte oder auf Rechnung.',
    wifi: 'Im Wartezimmer gibt es ein kostenloses WLAN für Patienten.',
    accessibility: 'Die Praxis ist mit dem Aufzug erreichbar und barrierefrei.',
    faq: [
      {
        keywords: ['Versichertenkarte', 'Krankenkassenkarte', 'Kassenpatient', 'gesetzlich versichert'],
        answer: 'Wir behandeln gesetzlich und privat Versicherte. Bitte bringen Sie Ihre Versichertenkarte mit.',
      },
      {
        keywords: ['Angst', 'Angstpatient'],
        answer: 'Sagen Sie uns gern Bescheid, wenn Sie Angst vor der Behandlung haben; wir nehmen uns dann besonders viel Zeit.',
      },
    ],
  };
}
