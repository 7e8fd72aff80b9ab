import { z } from 'zod';

// Argument names are German because the agents are configured in German; values may be ISO or caller words.
// Cancel and move take no number: whose appointments may change is decided by the call's own number alone, never
// by one the caller says (anyone could say someone else's).
const text = (max: number, description: string) => z.string().trim().min(1).max(max).describe(description);

export const CheckAvailabilityArgs = z.object({
  dienstleistung: text(200, 'Die gewünschte Leistung, z. B. "Herrenhaarschnitt" oder "Ansatzfärbung".'),
  datum: text(100, 'Gewünschter Tag: ISO (2026-11-24) oder wie gesagt ("nächsten Dienstag", "morgen").').optional(),
  uhrzeit: text(100, 'Gewünschte Uhrzeit: 14:30 oder wie gesagt ("halb drei", "vormittags").').optional(),
  mitarbeiter: text(100, 'Gewünschte Mitarbeiterin oder gewünschter Mitarbeiter, z. B. "Emma"; leer oder "egal" für alle.').optional(),
});
export type CheckAvailabilityArgs = z.infer<typeof CheckAvailabilityArgs>;

export const BookAppointmentArgs = z.object({
  dienstleistung: text(200, 'Die zu buchende Leistung.'),
  datum: text(100, 'Tag des Termins: ISO oder wie gesagt.'),
  uhrzeit: text(100, 'Uhrzeit des Termins: 14:30 oder wie gesagt.'),
  mitarbeiter: text(100, 'Mitarbeiterin oder Mitarbeiter; leer oder "egal" für alle.').optional(),
  name: text(120, 'Name der Anruferin oder des Anrufers.'),
  telefon: text(40, 'Telefonnummer; ohne Angabe die Nummer, von der angerufen wird.').optional(),
});
export type BookAppointmentArgs = z.infer<typeof BookAppointmentArgs>;

export const CancelAppointmentArgs = z.object({
  datum: text(100, 'Tag des Termins, der abgesagt werden soll; ohne Angabe der nächste Termin.').optional(),
  uhrzeit: text(100, 'Uhrzeit des Termins, falls mehrere an einem Tag.').optional(),
});
export type CancelAppointmentArgs = z.infer<typeof CancelAppointmentArgs>;

export const RescheduleAppointmentArgs = z.object({
  datum: text(100, 'Neuer Tag: ISO oder wie gesagt.'),
  uhrzeit: text(100, 'Neue Uhrzeit: 14:30 oder wie gesagt.'),
  mitarbeiter: text(100, 'Nur angeben, wenn jemand anderes den Termin übernehmen soll.').optional(),
  alter_termin: text(100, 'Welcher bisherige Termin verschoben wird ("Dienstag", "2026-11-24"); ohne Angabe der nächste.').optional(),
});
export type RescheduleAppointmentArgs = z.infer<typeof RescheduleAppointmentArgs>;

export const TOOL_ARGS = {
  check_availability: CheckAvailabilityArgs,
  book_appointment: BookAppointmentArgs,
  cancel_appointment: CancelAppointmentArgs,
  reschedule_appointment: RescheduleAppointmentArgs,
} as const;
export type ToolName = keyof typeof TOOL_ARGS;
/** The functions that write (book, cancel, move): a retry of one must answer the first run, never write again. */
export const WRITE_TOOLS: ReadonlySet<ToolName> = new Set(['book_appointment', 'cancel_appointment', 'reschedule_appointment']);
