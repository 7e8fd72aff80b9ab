/**
 * Questions about the business rather than a booking: where it is, how to get there, how to pay, parking, WLAN,
 * access, and the business's own questions (found by their keywords). The answer comes from the business's data
 * only; this reads the question, never answers it.
 */
import { foldedWords, foldWithoutHesitations, indexOfWords } from './normalize.js';

export type BusinessTopic = 'address' | 'directions' | 'payment' | 'parking' | 'wifi' | 'accessibility';

/**
 * `other`: a question about the business that no topic and none of its own questions cover ("Gibt es bei Ihnen
 * Kaffee?"); `offering` when it asks whether something is offered ("Machen Sie auch Hochsteckfrisuren?").
 */
export type BusinessQuestion = { kind: 'topic'; topic: BusinessTopic } | { kind: 'faq'; index: number } | { kind: 'other'; offering: boolean };

const TOPICS: Array<[BusinessTopic, RegExp]> = [
  [
    'directions',
    /\bwie (komme|kommt|finde|gelange|erreiche) (ich|man|wir)\b.{0,25}\b(zu (ihnen|euch|dir)|hin|dahin|dorthin|hier ?hin|zum (salon|laden|geschaeft)|zur praxis)\b|\banfahrt\w*\b|\bwegbeschreibung\b|\bwelche (haltestelle|station|bahn)\b|\b(u-?bahn|s-?bahn|tram|strassenbahn|bus|oeffentlich\w*)\b.{0,30}\b(erreich\w*|hin|kommen|fahren|naechste)\b|\bnaechste (haltestelle|u-?bahn|s-?bahn|station)\b/,
  ],
  [
    'address',
    /\bwo (finde|erreiche) ich (sie|euch|den salon|die praxis)\b|\bwo (sind|seid|ist|liegt|liegen|befinden) (sie|ihr|sich|der salon|die praxis|ihr salon|ihre praxis|euer laden|der laden)\b|\b(ihre|eure|deine|die|der|welche) (genaue )?(adresse|anschrift|hausnummer)\b|\badresse (von|vom|des|der) (ihnen|euch|salon|laden|praxis|geschaeft)\b|\bin welche[rm] strasse\b|\bwo genau\b.{0,20}\b(sie|ihr|salon|praxis)\b|\bwo (sind|ist) (das|des) (genau)?\b|\bwo sitzen sie\b/,
  ],
  [
    'payment',
    /\b(mit|per) (karte|ec-?karte|kreditkarte|girocard|paypal|apple ?pay|google ?pay|handy)\b.{0,20}\b(zahlen|bezahlen|begleichen)\b|\b(zahlen|bezahlen)\b.{0,20}\b(mit|per) (karte|ec-?karte|kreditkarte|girocard|paypal|apple ?pay|google ?pay|handy)\b|\b(nehmen|akzeptieren) (sie|ihr)\b.{0,20}\b(karte\w*|kreditkarte\w*|ec-?karte\w*|paypal|apple ?pay|bargeld|bar)\b|\bkartenzahlung\b|\bnur bar\b|\bbar (zahlen|bezahlen)\b|\bbargeld\b|\bzahlungs(mittel|moeglichkeit\w*|art\w*)\b|\bwie kann (ich|man)\b.{0,15}\b(zahlen|bezahlen)\b|\bec-?karte\b|\bkreditkarte\b|\bkarte zahlen\b/,
  ],
  [
    'parking',
    /\bpark(platz|plaetze|pletze|moeglichkeit\w*|haus|haeuser|luecke|en)\b|\bparkt?\b|\bwo kann ich\b.{0,20}\b(parken|das auto|den wagen)\b|\bmit dem auto\b/,
  ],
  ['wifi', /\bw-?lan\b|\bwi-?fi\b|\bwifi\b|\b(gibt es|haben sie|habt ihr)\b.{0,20}\b(internet|hotspot)\b/],
  ['accessibility', /\bbarrierefrei\w*\b|\brollstuhl\w*\b|\brollator\b|\bkinderwagen\b|\b(aufzug|fahrstuhl|lift)\b|\b(stufen|treppen?)\b/],
];

/** How a question about the business opens: at the start, after a clause, or after a greeting ("ich grüße Sie, gibt es …"). */
const OTHER_QUESTION =
  /(?:^|[,.;:!?]\s*|\b(?:hallo|tag|morgen|sie|ja|ach|und|mal|frage|fragen|moin|servus|hi)\s+)(gibt es|gibts|haben sie|habt ihr|machen sie|macht ihr|bieten sie|verkaufen sie|kann man|darf man|kann ich bei ihnen|darf ich bei ihnen|darf ich|muss ich|braucht man|brauche ich|sollte ich)\b(.*)$/;
const OFFERING = /^(machen sie|macht ihr|bieten sie|verkaufen sie)$/;
/** What such a question is about when it is about booking, the hours or the conversation, not the business. */
const NOT_OTHER =
  /\b(termin\w*|zeit|frei|offen|geoeffnet|auf|zu|platz|noch was|verstanden|gehoert|ueberleg\w*|wiederholen|sprechen|verbinden|absagen|verschieben|buchen|eintragen|kosten|kostet|dauert|lange)\b/;

/** The business question an utterance asks: a topic, else one of the business's own questions; null when none. */
export function detectBusinessQuestion(text: string, faq: ReadonlyArray<{ keywords: readonly string[] }> = []): BusinessQuestion | null {
  const t = foldWithoutHesitations(text).replace(/\s+/g, ' ');
  const words = foldedWords(text);
  // The business's own questions first: its keywords are more specific than the general topics.
  const index = faq.findIndex((entry) => entry.keywords.some((k) => matchesKeyword(words, k)));
  if (index >= 0) return { kind: 'faq', index };
  for (const [topic, re] of TOPICS) if (re.test(t)) return { kind: 'topic', topic };
  const other = OTHER_QUESTION.exec(t);
  const about = other?.[2]?.trim() ?? '';
  if (!other || about === '' || NOT_OTHER.test(about)) return null;
  return { kind: 'other', offering: OFFERING.test(other[1]!) };
}

/** A keyword (one or more words) said as whole words; a single long keyword also as the start of a word ("Gutschein" in "Gutscheine"). */
function matchesKeyword(words: readonly string[], keyword: string): boolean {
  const needle = foldedWords(keyword);
  if (needle.length === 0) return false;
  if (indexOfWords(words, needle) >= 0) return true;
  const [only] = needle;
  return needle.length === 1 && only !== undefined && only.length >= 5 && words.some((w) => w.startsWith(only));
}
