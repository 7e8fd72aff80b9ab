import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { definitionToFile } from './definition-to-file.js';
import { formatIssue, parseBusinessFile } from './parse-business-file.js';
import { renderBusinessFile } from './render-business-file.js';

/** The file as the issue that made files the way to set a business up writes it, with a zone that exists. */
const CONTRACT = `business:
  slug: barbier-nord-hamburg          # stable identity; apply matches on it
  name: Barbier Nord
  kind: salon                          # salon | practice
  time_zone: Europe/Berlin             # any IANA zone
  holiday_region: DE-HH                # date-holidays region code
  phone_numbers: ["+494012345600"]     # numbers Retell calls arrive on (E.164 or German spelling)
  retell_agent_ids: []
  transfer_number: "+494012345609"
  address: Osterstraße 5, 20259 Hamburg
  answers:                             # what the agent may say when asked; never invented beyond this
    payment: Bar und EC-Karte
    parking: Parkhaus gegenüber
opening_hours:                         # mon..sun; several ranges a day; a missing day is closed
  tue: ["09:00-18:00"]
  sat: ["09:00-14:00"]
closures:
  - { from: 2027-07-12, to: 2027-07-25, reason: Betriebsurlaub }
services:
  - key: herrenschnitt                 # stable identity within the business
    name: Herrenhaarschnitt
    synonyms: [Herrenschnitt, Männerschnitt]
    duration_minutes: 30
    price_eur: 29
    buffer_after_minutes: 0
    segments:                          # optional; the sum is the duration
      - { work: 30 }                   # or { gap: 45, policy: free|blocked }
staff:
  - key: jan
    name: Jan Petersen
    aliases: [Jan, Herr Petersen]
    services: [herrenschnitt]
    hours:                             # as opening_hours
      tue: ["09:00-13:00", "14:00-18:00"]
    time_off:
      - { from: 2027-03-01, to: 2027-03-05, reason: Urlaub }
`;

const hamburg = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toMillis();

/** Every problem of a file, as `business apply` prints them. */
function problems(text: string, name = 'salon.yaml'): string[] {
  const parsed = parseBusinessFile(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.errors.map((e) => formatIssue(name, e));
}

const replace = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`no '${from}' in the file`);
  return text.replace(from, to);
};

describe('reading a business file', () => {
  it('reads the contract file into the units the database keeps', () => {
    const parsed = parseBusinessFile(CONTRACT);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => formatIssue('f', e)).join('\n'));
    const d = parsed.definition;
    expect(d).toMatchObject({
      slug: 'barbier-nord-hamburg',
      kind: 'salon',
      timeZone: 'Europe/Berlin',
      holidayRegion: 'DE-HH',
      phoneNumbers: ['+494012345600'],
      transferNumber: '+494012345609',
      answers: { payment: 'Bar und EC-Karte', parking: 'Parkhaus gegenüber' },
      slotStepMinutes: 15,
      minNoticeMinutes: 60,
      horizonDays: 60,
      openingHours: { '2': [{ start: '09:00', end: '18:00' }], '6': [{ start: '09:00', end: '14:00' }] },
    });
    // Whole days, both inclusive, in the business's zone.
    expect(d.closures).toEqual([{ startsAt: hamburg('2027-07-12T00:00'), endsAt: hamburg('2027-07-26T00:00'), reason: 'Betriebsurlaub' }]);
    expect(d.services).toEqual([
      {
        key: 'herrenschnitt',
        name: 'Herrenhaarschnitt',
        synonyms: ['Herrenschnitt', 'Männerschnitt'],
        description: null,
        durationMinutes: 30,
        priceCents: 2900,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        segments: [{ kind: 'work', minutes: 30 }],
        grammaticalGender: null,
        plural: false,
      },
    ]);
    expect(d.staff[0]).toEqual({
      key: 'jan',
      name: 'Jan Petersen',
      aliases: ['Jan', 'Herr Petersen'],
      serviceKeys: ['herrenschnitt'],
      workingHours: {
        '2': [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
      timeOff: [{ startsAt: hamburg('2027-03-01T00:00'), endsAt: hamburg('2027-03-06T00:00'), reason: 'Urlaub' }],
    });
    // Without an article the name is said bare; the owner is told, not refused.
    expect(parsed.notes.map((n) => formatIssue('salon.yaml', n, 'note'))).toEqual([
      'salon.yaml:20: note: services[0]: no article, so the agent says "Herrenhaarschnitt" without one; write article: der, die or das (or none to keep it so)',
    ]);
  });

  it("takes a city that is no zone as the one zone of the holiday region's country, and says what to write", () => {
    const parsed = parseBusinessFile(replace(CONTRACT, 'time_zone: Europe/Berlin', 'time_zone: Europe/Hamburg'));
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => formatIssue('f', e)).join('\n'));
    expect(parsed.definition.timeZone).toBe('Europe/Berlin');
    expect(parsed.notes.map((n) => formatIssue('salon.yaml', n, 'note'))).toContain(
      "salon.yaml:5: note: business.time_zone: 'Europe/Hamburg' is no IANA time zone; taken as Europe/Berlin, the zone of DE: write that (zones are named for one city per region: Germany is Europe/Berlin, Austria Europe/Vienna, Switzerland Europe/Zurich)",
    );
    // Without a region to say which country, a city is refused with its line.
    const unplaced = replace(
      replace(CONTRACT, 'time_zone: Europe/Berlin', 'time_zone: Europe/Hamburg'),
      '  holiday_region: DE-HH                # date-holidays region code\n',
      '',
    );
    expect(problems(unplaced)).toEqual([
      "salon.yaml:5: business.time_zone: 'Europe/Hamburg' is no IANA time zone (zones are named for one city per region: Germany is Europe/Berlin, Austria Europe/Vienna, Switzerland Europe/Zurich)",
    ]);
  });

  it('names the line and the field of a range written the way people say it', () => {
    expect(problems(replace(CONTRACT, 'tue: ["09:00-13:00", "14:00-18:00"]', 'tue: ["09:00-13:00", "9-18"]'))).toEqual([
      "salon.yaml:34: staff[0].hours.tue[1]: '9-18' is no time range, write 09:00-18:00",
    ]);
  });

  it('collects every problem of the shape at once, each with its line, and hints the key meant by a typo', () => {
    const broken = replace(
      replace(replace(CONTRACT, 'kind: salon', 'kind: salom'), 'duration_minutes: 30', 'duraton_minutes: 30'),
      'phone_numbers: ["+494012345600"]',
      'phone_numbers: [04012345600]',
    );
    expect(problems(broken)).toEqual([
      "salon.yaml:4: business.kind: the text 'salom' is none of salon, practice; did you mean salon?",
      'salon.yaml:7: business.phone_numbers[0]: is the number 4012345600; write it in quotes ("…") to keep it as written',
      "salon.yaml:23: services[0].duraton_minutes: unknown key 'duraton_minutes'; did you mean 'duration_minutes'?",
    ]);
  });

  it('checks what needs several fields: phases against the duration, service keys, overlaps, days, numbers', () => {
    const broken = CONTRACT.replace('{ work: 30 }', '{ work: 20 }')
      .replace('services: [herrenschnitt]', 'services: [herrenschnit]')
      .replace('sat: ["09:00-14:00"]', 'sat: ["09:00-14:00", "13:00-15:00"]')
      .replace('to: 2027-07-25', 'to: 2027-07-02')
      .replace('"+494012345609"', '"+49 40 12"');
    expect(problems(broken)).toEqual([
      "salon.yaml:9: business.transfer_number: '+49 40 12' is no valid phone number; write it as +49 40 1234560",
      "salon.yaml:16: opening_hours.sat[1]: '13:00-15:00' overlaps 09:00-14:00 on the same day",
      "salon.yaml:18: closures[0].to: '2027-07-02' is before '2027-07-12'; to is the last day (inclusive) or the moment it ends",
      'salon.yaml:26: services[0].segments: the phases add up to 20 minutes, but duration_minutes is 30',
      "salon.yaml:32: staff[0].services[0]: no service has the key 'herrenschnit'; did you mean 'herrenschnitt'?",
    ]);
  });

  it('refuses keys given twice, a gap without its policy, and a key where none belongs', () => {
    expect(problems(replace(CONTRACT, '  name: Barbier Nord\n', '  name: Barbier Nord\n  name: Barbier Süd\n'))).toEqual([
      'salon.yaml:4: a key is given twice in the same place',
    ]);
    expect(problems(replace(CONTRACT, '- { work: 30 }', '- { work: 15 }\n      - { gap: 15 }'))).toEqual([
      'salon.yaml:28: services[0].segments[1]: say whether the staff member can serve someone else during the gap: policy: free or policy: blocked',
    ]);
    expect(problems(`${CONTRACT}colour: blue\n`)).toEqual([
      "salon.yaml:37: colour: unknown key 'colour' (known here: $schema, business, opening_hours, closures, services, staff)",
    ]);
  });

  it('reads numbers the way the business dials them and refuses a holiday region date-holidays does not know', () => {
    const vienna = CONTRACT.replace('time_zone: Europe/Berlin', 'time_zone: Europe/Vienna')
      .replace('holiday_region: DE-HH', 'holiday_region: AT-9')
      .replace('["+494012345600"]', '["01 2345670", "+49 40 1234560"]');
    const parsed = parseBusinessFile(vienna);
    expect(parsed.ok && parsed.definition.phoneNumbers).toEqual(['+4312345670', '+49401234560']);
    expect(problems(CONTRACT.replace('holiday_region: DE-HH', 'holiday_region: DE-XX'))).toEqual([
      expect.stringMatching(/^salon\.yaml:6: business\.holiday_region: 'DE-XX': DE has no region 'XX'; one of DE-BB, DE-BE, .*DE-HH, /),
    ]);
  });

  it('takes closures with times, and refuses a time the clocks skip', () => {
    const afternoon = CONTRACT.replace('{ from: 2027-07-12, to: 2027-07-25, reason: Betriebsurlaub }', '{ from: "2027-12-24 12:00", to: 2027-12-24 }');
    const parsed = parseBusinessFile(afternoon);
    expect(parsed.ok && parsed.definition.closures).toEqual([{ startsAt: hamburg('2027-12-24T12:00'), endsAt: hamburg('2027-12-25T00:00'), reason: null }]);
    expect(problems(CONTRACT.replace('from: 2027-07-12, to: 2027-07-25', 'from: "2027-03-28 02:30", to: "2027-03-28 04:00"'))).toEqual([
      "salon.yaml:18: closures[0].from: '2027-03-28 02:30' does not exist in Europe/Berlin: the clocks skip that hour",
    ]);
  });

  it('reads the same business from JSON, with lines too', () => {
    const parsed = parseBusinessFile(CONTRACT);
    if (!parsed.ok) throw new Error('contract');
    const json = renderBusinessFile(definitionToFile(parsed.definition), { format: 'json', schemaRef: 'business.schema.json' });
    const again = parseBusinessFile(json);
    expect(again.ok && again.definition).toEqual(parsed.definition);
    expect(problems(json.replace('"duration_minutes": 30', '"duration_minutes": "30"'), 'salon.json')).toEqual([
      "salon.json:46: services[0].duration_minutes: expected a number, got the text '30'",
    ]);
  });

  it('writes a file back that reads as the same definition', () => {
    const parsed = parseBusinessFile(CONTRACT);
    if (!parsed.ok) throw new Error('contract');
    const yaml = renderBusinessFile(definitionToFile(parsed.definition), { format: 'yaml', schemaRef: '../schema/business.schema.json' });
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/business.schema.json');
    const again = parseBusinessFile(yaml);
    expect(again.ok && again.definition).toEqual(parsed.definition);
  });
});
