import { describe, expect, it } from 'vitest';
import { splitCompound, tokenizeForTime } from './tokens.js';

const words = (text: string) => tokenizeForTime(text).map((t) => (t.k === 'w' ? t.w : t.k === 'p' ? t.p : t.k === 'n' ? `#${t.v}` : t.k === 'ord' ? `${t.v}.` : t.k === 'hm' ? `${t.h}:${t.m}` : `${t.d}/${t.m}`));

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
});
