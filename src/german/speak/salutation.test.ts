import { describe, expect, it } from 'vitest';
import { addressByName } from './salutation.js';

describe('addressByName', () => {
  it.each([
    ['Anna Schmidt', 'Frau Schmidt'],
    ['Jonas Weber', 'Herr Weber'],
    ['Jürgen', null],
    ['Kim Berger', null],
    ['Sascha Müller', null],
    ['Frau Weber', 'Frau Weber'],
    ['Björn von der Heide', 'Herr von der Heide'],
  ])('addresses %j as %j', (name, expected) => expect(addressByName(name)).toBe(expected));
});
