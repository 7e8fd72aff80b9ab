import { describe, expect, it } from 'vitest';
import { askForMissing, type FunctionPurpose } from './refusals.js';

const FIELD_NAMES = /\b(dienstleistung|datum|uhrzeit|mitarbeiter|name|telefon|alter_termin|args)\b/;

describe('the question for what a function call lacks', () => {
  it.each<[FunctionPurpose, string[], string]>([
    ['book', ['dienstleistung', 'datum', 'uhrzeit', 'name'], 'Für welche Leistung möchten Sie einen Termin?'],
    ['book', ['datum', 'uhrzeit', 'name'], 'Für welchen Tag und welche Uhrzeit möchten Sie den Termin?'],
    ['book', ['uhrzeit', 'name'], 'Um welche Uhrzeit möchten Sie den Termin?'],
    ['book', ['datum'], 'Für welchen Tag möchten Sie den Termin?'],
    ['book', ['name'], 'Auf welchen Namen darf ich den Termin eintragen?'],
    ['book', ['telefon'], 'Unter welcher Telefonnummer erreichen wir Sie?'],
    ['offer', ['mitarbeiter'], 'Bei wem möchten Sie den Termin?'],
    ['move', ['datum', 'uhrzeit'], 'Auf welchen Tag und welche Uhrzeit soll ich den Termin verschieben?'],
    ['move', ['uhrzeit'], 'Auf welche Uhrzeit soll ich den Termin verschieben?'],
    ['move', ['alter_termin'], 'Welchen Ihrer Termine meinen Sie?'],
    ['cancel', ['datum'], 'An welchem Tag ist der Termin, den Sie absagen möchten?'],
    ['cancel', ['uhrzeit'], 'Um welche Uhrzeit ist der Termin, den Sie absagen möchten?'],
    ['offer', ['args'], 'Entschuldigung, das habe ich nicht ganz verstanden. Worum geht es?'],
  ])('%s lacking %j asks "%s"', (purpose, fields, question) => {
    const said = askForMissing(purpose, fields);
    expect(said).toBe(question);
    expect(said).not.toMatch(FIELD_NAMES);
  });
});
