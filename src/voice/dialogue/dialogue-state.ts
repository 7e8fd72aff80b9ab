import type { PartOfDay } from '../../booking/calendar-model.js';
import type { CallOutcome } from '../../db/schema.js';

/** A slot the agent offered, as the check tool described it. */
export interface Offer {
  start: string;
  staffId: string;
  speech: string;
}

/** One of the caller's appointments, listed when they have several and must say which one they mean. */
export interface AppointmentChoice {
  id: string;
  start: string;
  serviceId: string;
  staffId: string;
}

/** Where the conversation stands; kept per call, never re-inferred from the transcript. */
export type Phase =
  | 'open' // greeted, nothing asked yet
  | 'collect' // gathering service / staff / time for a booking
  | 'offered' // slots offered (and held); waiting for the caller's choice
  | 'name' // asking for the caller's name
  | 'phone' // confirming or asking the phone number
  | 'anything_else' // after a completed request
  | 'cancel_pick' // several appointments: which one to cancel
  | 'reschedule' // moving an appointment: waiting for the new time
  | 'ended';

export interface DialogueState {
  phase: Phase;
  businessId: string | null;
  callerNumber: string | null;
  /** Known customer's name (recognised by number) or the name the caller gave. */
  name: string | null;
  knownCustomer: boolean;
  serviceId: string | null;
  /** null: not said yet; 'any': "egal". */
  staff: string | 'any' | null;
  date: string | null;
  time: string | null;
  partOfDay: PartOfDay | null;
  earliest: boolean;
  offers: Offer[];
  chosen: Offer | null;
  /** Phone number to book under; the caller's own until they give another. */
  phone: string | null;
  phoneConfirmed: boolean;
  /** The caller's appointments listed for a cancel or a move, until they said which one. */
  choices: AppointmentChoice[];
  /** The appointment being moved, once chosen among several. */
  moving: AppointmentChoice | null;
  reminders: number;
  /** The caller's account opted out of sensitive data storage: the transcript is not stored. */
  keepTranscript: boolean;
  lastLine: string;
  outcome: CallOutcome | null;
  /** The result of a write whose turn Retell superseded: the next turn says it first. */
  announcement: string | null;
  /**
   * The caller text the last turn acted on, and how many caller utterances the transcript had then. Retell asking
   * again for the same words at the same position is a re-request (act once); the same words later ("ja" twice)
   * are a new answer.
   */
  handledText: string | null;
  handledCount: number;
  toolCalls: number;
}

export function initialState(): DialogueState {
  return {
    phase: 'open',
    businessId: null,
    callerNumber: null,
    name: null,
    knownCustomer: false,
    serviceId: null,
    staff: null,
    date: null,
    time: null,
    partOfDay: null,
    earliest: false,
    offers: [],
    chosen: null,
    phone: null,
    phoneConfirmed: false,
    choices: [],
    moving: null,
    reminders: 0,
    keepTranscript: true,
    lastLine: '',
    outcome: null,
    announcement: null,
    handledText: null,
    handledCount: 0,
    toolCalls: 0,
  };
}
