import { describe, expect, it } from 'vitest';
import { SALON } from '../../../test/support/demo-directory.js';
import { readUtterance } from './read-utterance.js';

const NOW = new Date('2026-11-19T08:00:00Z');

describe('readUtterance', () => {
  it.each(['Herrenhaarschnitt am Freitag um zehn bei Herrn Kretschmer', 'bei Frau Williams bitte', 'lieber beim herrn spitzer'])(
    'takes no caller name from the staff member asked for in "%s"',
    (text) => {
      expect(readUtterance(text, SALON, NOW).name).toBeNull();
    },
  );

  it('keeps a caller name that only shares a first name with the staff', () => {
    expect(readUtterance('Hier ist Emma Schmidt, einen Termin bei Fabian bitte', SALON, NOW).name).toBe('Emma Schmidt');
  });
});
