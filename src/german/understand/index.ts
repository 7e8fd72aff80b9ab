/** Public API of the caller-text understanding layer: pure, synchronous, no network. */
export type { DatePeriod, DateTimeOption, DateTimeReading, ParseOptions, PartOfDay } from './types.js';
export { parseDateTime } from './time/parse-date-time.js';
export { DEFAULT_ZONE, resolveReference, type ReferenceInput } from './time/reference.js';
export { matchServices, type MatchServicesOptions, type ServiceEntry, type ServiceMatch } from './match-services.js';
export { detectServiceQuestion, type ServiceQuestion } from './detect-service-question.js';
export { matchStaff, type StaffEntry, type StaffMatch } from './match-staff.js';
export { extractCallerName, type CallerName } from './extract-caller-name.js';
export { extractPhoneNumber } from './extract-phone-number.js';
export { classifyIntent, type Intent } from './classify-intent.js';
export { detectCorrection, type CorrectionFacts } from './detect-correction.js';
export { resolveWhen, type When, type WhenOutcome, type WhenProblem } from './resolve-when.js';
export { readUtterance, type Facts } from './read-utterance.js';
export { resolveService, resolveStaff, type ServiceResolution, type StaffResolution } from './resolve-names.js';
export { readCallerUtterance, type CallerUtterance, type UtteranceCatalogue } from './read-caller-utterance.js';
export { coarsePartOfDay } from '../../parts-of-day.js';
export { mentionsOtherPerson, saysSomeNumber, speaksOfNumber } from './detect-other-person.js';
export { asksForOwnAppointments } from './detect-appointment-query.js';
export { readChangeOfMind, type ChangeOfMind } from './read-change-of-mind.js';
