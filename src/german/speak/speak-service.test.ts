import { describe, expect, it } from 'vitest';
import { agree, speakService, type ArticleKind, type GrammaticalCase, type Preposition, type ServiceWords } from './speak-service.js';

const herren: ServiceWords = { name: 'Herrenhaarschnitt', grammaticalGender: 'm' };
const ansatz: ServiceWords = { name: 'Ansatzfärbung', grammaticalGender: 'f' };
const peeling: ServiceWords = { name: 'Peeling', grammaticalGender: 'n' };
const straehnchen: ServiceWords = { name: 'Strähnchen', grammaticalGender: 'n', plural: true };
const naegel: ServiceWords = { name: 'Gelnägel', grammaticalGender: 'm', plural: true };
const waschen: ServiceWords = { name: 'Waschen/Föhnen', grammaticalGender: null };

describe('speakService: articles by gender, number and case', () => {
  it.each<[ServiceWords, ArticleKind, GrammaticalCase, string]>([
    [herren, 'definite', 'nom', 'der Herrenhaarschnitt'],
    [herren, 'definite', 'acc', 'den Herrenhaarschnitt'],
    [herren, 'definite', 'dat', 'dem Herrenhaarschnitt'],
    [herren, 'indefinite', 'nom', 'ein Herrenhaarschnitt'],
    [herren, 'indefinite', 'acc', 'einen Herrenhaarschnitt'],
    [herren, 'indefinite', 'dat', 'einem Herrenhaarschnitt'],
    [ansatz, 'definite', 'nom', 'die Ansatzfärbung'],
    [ansatz, 'definite', 'acc', 'die Ansatzfärbung'],
    [ansatz, 'definite', 'dat', 'der Ansatzfärbung'],
    [ansatz, 'indefinite', 'nom', 'eine Ansatzfärbung'],
    [ansatz, 'indefinite', 'acc', 'eine Ansatzfärbung'],
    [ansatz, 'indefinite', 'dat', 'einer Ansatzfärbung'],
    [peeling, 'definite', 'nom', 'das Peeling'],
    [peeling, 'definite', 'dat', 'dem Peeling'],
    [peeling, 'indefinite', 'acc', 'ein Peeling'],
    [peeling, 'indefinite', 'dat', 'einem Peeling'],
    [straehnchen, 'definite', 'nom', 'die Strähnchen'],
    [straehnchen, 'definite', 'acc', 'die Strähnchen'],
    [straehnchen, 'definite', 'dat', 'den Strähnchen'],
    // A plural has no indefinite article.
    [straehnchen, 'indefinite', 'acc', 'Strähnchen'],
    [naegel, 'definite', 'dat', 'den Gelnägeln'],
    // No gender known: the name alone, said as a voice should say it.
    [waschen, 'definite', 'nom', 'Waschen und Föhnen'],
    [waschen, 'indefinite', 'acc', 'Waschen und Föhnen'],
    [herren, 'none', 'acc', 'Herrenhaarschnitt'],
  ])('%o with %s article in %s: "%s"', (service, article, grammaticalCase, words) => {
    expect(speakService(service, { article, case: grammaticalCase })).toBe(words);
  });

  it.each<[ServiceWords, ArticleKind, Preposition, string]>([
    [herren, 'definite', 'bei', 'beim Herrenhaarschnitt'],
    [ansatz, 'definite', 'bei', 'bei der Ansatzfärbung'],
    [straehnchen, 'definite', 'bei', 'bei den Strähnchen'],
    [waschen, 'definite', 'bei', 'bei Waschen und Föhnen'],
    [herren, 'indefinite', 'für', 'für einen Herrenhaarschnitt'],
    [ansatz, 'indefinite', 'für', 'für eine Ansatzfärbung'],
    [straehnchen, 'indefinite', 'für', 'für Strähnchen'],
    [peeling, 'definite', 'zu', 'zum Peeling'],
    [{ name: 'Kontrolluntersuchung', grammaticalGender: 'f' }, 'definite', 'zu', 'zur Kontrolluntersuchung'],
    [herren, 'definite', 'von', 'vom Herrenhaarschnitt'],
    [ansatz, 'indefinite', 'mit', 'mit einer Ansatzfärbung'],
  ])('%o with %s article after "%s": "%s"', (service, article, preposition, words) => {
    expect(speakService(service, { article, preposition })).toBe(words);
  });

  it('takes a bare name as a name without grammar, and agrees the verb with a plural', () => {
    expect(speakService('Termin', { article: 'indefinite', preposition: 'für' })).toBe('für Termin');
    expect(agree(straehnchen, 'kostet', 'kosten')).toBe('kosten');
    expect(agree(herren, 'kostet', 'kosten')).toBe('kostet');
    expect(agree('Waschen/Föhnen', 'dauert', 'dauern')).toBe('dauert');
  });
});
