import { describe, expect, it } from 'vitest';
import { splitCompound, tokenizeForTime } from './tokens.js';

const words = (text: string) =>
  tokenizeForTime(text).map((t) =>
    t.k === 'w' ? t.w : t.k === 'p' ? t.p : t.k === 'n' ? `#${t.v}` : t.k === 'ord' ? `${t.v}.` : t.k === 'hm' ? `${t.h}:${t.m}` : `${t.d}/${t.m}`,
  );

describe('time tokens', () => {
  it('drops fillers and keeps umlaut words whole', () => {
    expect(words('äh, so halt mal früh')).toEqual([',', 'frueh']);
    expect(words('ähm also Frühstück')).toEqual(['fruehstueck']);
  });

  it('reads decomposed umlauts like composed ones', () => {
    expect(words('u\u0308bermorgen fru\u0308h')).toEqual(['uebermorgen', 'frueh']);
  });

  it('splits weekday and part-of-day compounds', () => {
    expect(splitCompound('dienstagvormittag')).toEqual(['dienstag', 'vormittag']);
    expect(splitCompound('montagmorgen')).toEqual(['montag', 'morgens']);
    expect(splitCompound('freitagsabends')).toEqual(['freitag', 'abends']);
    expect(splitCompound('vormittagstermin')).toEqual(['vormittags']);
    expect(splitCompound('abendtermin')).toEqual(['abend']);
    expect(splitCompound('heuteabend')).toEqual(['heute', 'abend']);
    expect(splitCompound('mittwochs')).toEqual(['mittwochs']);
    expect(splitCompound('sonnenstudio')).toEqual(['sonnenstudio']);
  });

  it('turns number words into numbers, gluing split tens', () => {
    expect(words('vierundzwanzig')).toEqual(['#24']);
    expect(words('vier und zwanzig')).toEqual(['#24']);
    expect(words('am dritten')).toEqual(['am', '3.']);
    expect(words('über morgen')).toEqual(['uebermorgen']);
  });

  it('tells a written time from a written date', () => {
    expect(words('um 10.10')).toEqual(['um', '10:10']);
    expect(words('10.12.')).toEqual(['10/12']);
    expect(words('am 10.10.')).toEqual(['am', '10/10']);
    expect(words('14:30')).toEqual(['14:30']);
    expect(words('von 9.30 bis 11')).toEqual(['von', '9:30', 'bis', '#11']);
    expect(words('3.12.2026')).toEqual(['3/12']);
  });

  it('keeps "ca." from ending the sentence', () => {
    expect(words('ca. 11 Uhr')).toEqual(['ca', '#11', 'uhr']);
  });

  it.each([
    ['Mo. um 10', ['montag', 'um', '#10']],
    ['Di 14 Uhr', ['dienstag', '#14', 'uhr']],
    ['am Fr. um neun', ['am', 'freitag', 'um', '#9']],
    ['Fr 14 Uhr', ['freitag', '#14', 'uhr']],
    ['Fr. Meyer', ['fr', 'meyer']],
    ['So., 22.11.', ['sonntag', ',', '22/11']],
    ['Gut, so. Um 10?', ['gut', ',', '.', 'um', '#10', '?']],
    ['so um zehn', ['um', '#10']],
    ['Do, Fr oder Sa', ['donnerstag', ',', 'freitag', 'oder', 'samstag']],
  ])('reads written weekday abbreviations only beside a date or a time: "%s"', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['17h10', ['17:10']],
    ['um 14h', ['um', '#14', 'uhr']],
    ['11 h am Freitag', ['#11', 'uhr', 'am', 'freitag']],
    ['in 2h', ['in', '#2', 'stunden']],
    ['das dauert 2h', ['das', 'dauert', '#2', 'stunden']],
    ['in 2,5 Stunden', ['in', '#2.5', 'stunden']],
    ['in 1.5 Std.', ['in', '#1.5', 'std', '.']],
  ])('reads hours written with h and decimals before a unit: "%s"', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['um achte', ['um', '#8']],
    ['halb neune', ['halb', '#9']],
    ['um zehne', ['um', '#10']],
    ['der achte Dezember', ['der', '8.', 'dezember']],
    ['um eens', ['um', '#1']],
    ['so um zwee', ['um', '#2']],
    ['in ner halben Stunde', ['in', '#1', 'halben', 'stunde']],
    ['so um drei rum', ['um', '#3', 'rum']],
  ])('reads spoken and regional number forms: "%s"', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});
