import { describe, expect, it } from 'vitest';
import { matchStaff, type StaffEntry } from './match-staff.js';

const STAFF: StaffEntry[] = [
  { id: 'emma', name: 'Emma Williams', aliases: ['Frau Williams'] },
  { id: 'fabian', name: 'Fabian Spitzer', aliases: ['Herr Spitzer'] },
  { id: 'oliver', name: 'Oliver Kretschmer', aliases: ['Olli'] },
];

describe('matchStaff', () => {
  it.each([
    ['bei Emma bitte', ['emma']],
    ['bei der Emma', ['emma']],
    ['Frau Williams', ['emma']],
    ['bei Frau Williams, wenn es geht', ['emma']],
    ['Herr Spitzer', ['fabian']],
    ['beim Herrn Spitzer', ['fabian']],
    ['bei Oliver Kretschmer', ['oliver']],
    ['beim Olli', ['oliver']],
    ['emma', ['emma']],
    ['EMMA WILLIAMS', ['emma']],
    ['bei Fabian oder Oliver', ['fabian', 'oliver']],
    ['Oliver oder Fabian, egal', ['oliver', 'fabian']],
    ['bei Fabien', ['fabian']],
  ])('reads "%s" as named staff', (text, staffIds) => {
    expect(matchStaff(text, STAFF)).toEqual({ kind: 'named', staffIds });
  });

  it.each(['egal', 'wer Zeit hat', 'ist mir gleich', 'Das ist mir egal, wer gerade frei ist', 'spielt keine Rolle', 'irgendwer'])(
    'reads "%s" as no preference',
    (text) => {
      expect(matchStaff(text, STAFF)).toEqual({ kind: 'any' });
    },
  );

  it.each(['morgen um drei', 'das ist ein Dilemma', 'Gemma', 'Emmaus', 'egal wann', 'ja', '', 'Termin morgen'])('finds nobody in "%s"', (text) => {
    expect(matchStaff(text, STAFF)).toBeNull();
  });

  it('keeps long words from passing for a name by fuzziness', () => {
    const staff: StaffEntry[] = [...STAFF.slice(0, 2), { id: 'oliver', name: 'Oliver Kretschmer', aliases: ['Herr Kretschmer'] }];
    expect(matchStaff('eine Ansatzfärbung bei Fabian oder Oliver', staff)).toEqual({ kind: 'named', staffIds: ['fabian', 'oliver'] });
  });

  it('does not take a common word for a similar name', () => {
    expect(matchStaff('morgen', [{ id: 'm', name: 'Morgan Blake', aliases: [] }])).toBeNull();
    expect(matchStaff('bei Morgan', [{ id: 'm', name: 'Morgan Blake', aliases: [] }])).toEqual({ kind: 'named', staffIds: ['m'] });
  });

  it('keeps staff the caller rules out apart', () => {
    expect(matchStaff('nicht bei Emma, lieber bei Oliver', STAFF)).toEqual({ kind: 'named', staffIds: ['oliver'], excludedStaffIds: ['emma'] });
    expect(matchStaff('bloß nicht die Emma', STAFF)).toEqual({ kind: 'any', excludedStaffIds: ['emma'] });
  });

  it('returns every staff member sharing a first name', () => {
    const twins: StaffEntry[] = [...STAFF, { id: 'emma2', name: 'Emma Schulz', aliases: [] }];
    expect(matchStaff('bei Emma', twins)).toEqual({ kind: 'named', staffIds: ['emma', 'emma2'] });
    expect(matchStaff('bei Emma Schulz', twins)).toEqual({ kind: 'named', staffIds: ['emma2'] });
  });

  it('never takes another real first name for a slip of a staff name', () => {
    const marion: StaffEntry[] = [{ id: 'marion', name: 'Marion Berger', aliases: [] }];
    expect(matchStaff('bei Mario', marion)).toBeNull();
    expect(matchStaff('bei Marion', marion)).toEqual({ kind: 'named', staffIds: ['marion'] });
    expect(matchStaff('bei Marjon', marion)).toEqual({ kind: 'named', staffIds: ['marion'] });
  });
});
