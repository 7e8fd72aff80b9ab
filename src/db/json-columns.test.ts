import { describe, expect, it } from 'vitest';
import { BadJsonColumnError, readJsonColumn, ServiceSegments, WeeklyHours } from './json-columns.js';

describe('JSON columns', () => {
  it('reads weekly hours and service phases that have their shape', () => {
    expect(
      readJsonColumn(
        WeeklyHours,
        {
          '2': [
            { start: '09:00', end: '13:00' },
            { start: '14:00', end: '24:00' },
          ],
        },
        'staff.working_hours',
      ),
    ).toEqual({
      '2': [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '24:00' },
      ],
    });
    expect(
      readJsonColumn(
        ServiceSegments,
        [
          { kind: 'work', minutes: 30 },
          { kind: 'gap', minutes: 45, policy: 'free' },
        ],
        'services.segments',
      ),
    ).toHaveLength(2);
  });

  it('refuses a value without its shape, naming the column and the path but never the value', () => {
    const read = () => readJsonColumn(WeeklyHours, { '3': [{ start: '9 Uhr', end: '+4917612345678' }] }, 'staff.working_hours');
    expect(read).toThrow(BadJsonColumnError);
    expect(read).toThrow(/^staff\.working_hours does not have its shape: 3\.0\.start: invalid_format/);
    expect(read).not.toThrow(/4917612345678/);
    expect(() => readJsonColumn(ServiceSegments, [{ kind: 'gap', minutes: 10 }], 'services.segments')).toThrow(/services\.segments/);
  });
});
