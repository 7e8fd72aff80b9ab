import { describe, expect, it } from 'vitest';
import { cardinalValue, cardinalWord, fractionValue, isArticleOne, ordinalValue } from './numbers.js';

describe('German number words', () => {
  it('reads cardinals in folded spelling', () => {
    expect(cardinalValue('vierundzwanzig')).toBe(24);
    expect(cardinalValue('einunddreissig')).toBe(31);
    expect(cardinalValue('zwoelf')).toBe(12);
    expect(cardinalValue('zwo')).toBe(2);
    expect(cardinalValue('null')).toBe(0);
    expect(cardinalValue('neunundneunzig')).toBe(99);
    expect(cardinalValue('hundert')).toBe(100);
    expect(cardinalValue('zweihundertvierunddreissig')).toBe(234);
    expect(cardinalValue('dreiviertel')).toBeNull();
    expect(cardinalValue('termin')).toBeNull();
  });

  it('reads day ordinals in every inflection', () => {
    expect(ordinalValue('dritten')).toBe(3);
    expect(ordinalValue('erste')).toBe(1);
    expect(ordinalValue('siebten')).toBe(7);
    expect(ordinalValue('siebenten')).toBe(7);
    expect(ordinalValue('achter')).toBe(8);
    expect(ordinalValue('zwanzigsten')).toBe(20);
    expect(ordinalValue('einunddreissigsten')).toBe(31);
    expect(ordinalValue('zweiunddreissigsten')).toBeNull();
  });

  it('knows articles and fractions', () => {
    expect(isArticleOne('einer')).toBe(true);
    expect(isArticleOne('eins')).toBe(false);
    expect(fractionValue('anderthalb')).toBe(1.5);
  });

  it('writes every cardinal it reads', () => {
    for (let n = 0; n < 100; n++) expect(cardinalValue(cardinalWord(n))).toBe(n);
  });
});
