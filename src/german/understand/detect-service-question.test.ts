import { describe, expect, it } from 'vitest';
import { detectServiceQuestion } from './detect-service-question.js';

describe('detectServiceQuestion', () => {
  it.each([
    ['Was kostet eine Ansatzfärbung?', 'price'],
    ['wie viel kostet das', 'price'],
    ['Wie teuer sind Strähnchen?', 'price'],
    ['Was ist der Preis für einen Herrenschnitt?', 'price'],
    ['Was muss ich da zahlen?', 'price'],
    ['Wie lange dauert die Färbung?', 'duration'],
    ['wie lang brauchen Sie für Strähnchen', 'duration'],
    ['Wie viel Zeit sollte ich einplanen?', 'duration'],
    ['Was ist eine Ansatzfärbung?', 'what'],
    ['Was genau sind Strähnchen?', 'what'],
    ['Was beinhaltet Waschen und Föhnen?', 'what'],
    ['Können Sie mir erklären, was Balayage ist?', 'what'],
  ] as const)('classifies "%s" as %s', (text, kind) => {
    expect(detectServiceQuestion(text)).toBe(kind);
  });

  it.each(['Ich möchte einen Termin', 'morgen um drei', 'ja', ''])('finds no question in "%s"', (text) => {
    expect(detectServiceQuestion(text)).toBeNull();
  });
});
