import type { Directory } from '../../booking/load-directory.js';
import type { BusinessQuestion, BusinessTopic } from '../understand/detect-business-question.js';

/** What the agent says to a question about the business: only the business's own data, else honestly nothing. */
export type BusinessAnswer = { kind: 'answer'; text: string } | { kind: 'unknown'; text: string };

const LEAD_IN: Readonly<Record<BusinessTopic, string>> = {
  address: 'Unsere Adresse',
  directions: 'Zur Anfahrt',
  payment: 'Zum Bezahlen',
  parking: 'Zum Parken',
  wifi: 'Zum WLAN',
  accessibility: 'Zur Barrierefreiheit',
};
const NO_DATA: Readonly<Record<BusinessTopic, string>> = {
  address: 'Unsere Adresse habe ich hier leider nicht vorliegen.',
  directions: 'Zur Anfahrt habe ich leider keine Angaben.',
  payment: 'Zu den Zahlungsmöglichkeiten habe ich leider keine Angaben.',
  parking: 'Zu Parkmöglichkeiten habe ich leider keine Angaben.',
  wifi: 'Ob es bei uns WLAN gibt, kann ich Ihnen leider nicht sagen.',
  accessibility: 'Zur Barrierefreiheit habe ich leider keine Angaben.',
};

/** The business's words: a sentence as written, a fragment ("Bar und EC-Karte") after a short lead-in. */
function said(topic: BusinessTopic, value: string): string {
  const text = value.trim();
  return /[.!?]$/.test(text) ? text : `${LEAD_IN[topic]}: ${text}.`;
}

/** Answers a question about the business from its directory; never more than the data says. */
export function answerBusinessQuestion(question: BusinessQuestion, business: Directory['business']): BusinessAnswer {
  const answers = business.answers;
  if (question.kind === 'other') {
    return {
      kind: 'unknown',
      text: question.offering ? 'Ob wir das anbieten, kann ich Ihnen leider nicht sicher sagen.' : 'Das kann ich Ihnen leider nicht sicher sagen.',
    };
  }
  if (question.kind === 'faq') {
    const entry = answers.faq?.[question.index];
    return entry ? { kind: 'answer', text: entry.answer } : { kind: 'unknown', text: 'Dazu habe ich leider keine Angaben.' };
  }
  const address = business.address ? `Unsere Adresse ist ${business.address}.` : null;
  switch (question.topic) {
    case 'address':
      return address ? { kind: 'answer', text: address } : { kind: 'unknown', text: NO_DATA.address };
    case 'directions':
      if (answers.directions) return { kind: 'answer', text: `${address ? `${address} ` : ''}${said('directions', answers.directions)}` };
      // The address is an answer in part; how to get there is what the data lacks.
      return address ? { kind: 'unknown', text: `${address} ${NO_DATA.directions}` } : { kind: 'unknown', text: NO_DATA.directions };
    default: {
      const value = answers[question.topic];
      return value ? { kind: 'answer', text: said(question.topic, value) } : { kind: 'unknown', text: NO_DATA[question.topic] };
    }
  }
}

/** After an honest "I don't know": a colleague knows, if the call can be handed over. */
export const OFFER_TRANSFER_FOR_QUESTION = 'Soll ich Sie mit einer Kollegin verbinden, die Ihnen das sagen kann?';
/** Without a number to transfer to: where the answer can be had instead. */
export const ASK_ON_SITE = 'Das beantwortet Ihnen gern eine Kollegin, wenn Sie uns besuchen.';
