import { z } from 'zod';
import { TOOL_ARGS, type ToolName } from './schemas.js';

const DESCRIPTIONS: Record<ToolName, { description: string; execution: string }> = {
  check_availability: {
    description:
      'Prüft, ob für eine Leistung zum gewünschten Zeitpunkt (optional bei einer bestimmten Person) ein Termin frei ist, und nennt sonst die nächsten freien Termine. Angebotene Termine werden kurz für den Anruf reserviert.',
    execution: 'Einen Moment, ich schaue kurz nach.',
  },
  book_appointment: {
    description:
      'Bucht den vereinbarten Termin verbindlich. Erst aufrufen, wenn Leistung, Tag, Uhrzeit und Name feststehen. Nur wenn das Ergebnis "booked": true enthält, ist der Termin gebucht.',
    execution: 'Einen Moment, ich trage das ein.',
  },
  cancel_appointment: {
    description:
      'Sagt einen Termin ab, der unter der Nummer gebucht ist, von der angerufen wird (nur diese Nummer zählt; für andere Personen oder Nummern nie: dann bitten, dass die Person selbst anruft, oder verbinden). Vorher den Termin mit Tag, Uhrzeit und Mitarbeiterin vorlesen, fragen "Soll ich ihn absagen?" und erst nach einem Ja aufrufen; bei mehreren Terminen vorher nach dem Tag fragen.',
    execution: 'Einen Moment, ich schaue nach Ihrem Termin.',
  },
  reschedule_appointment: {
    description:
      'Verschiebt einen Termin, der unter der Nummer gebucht ist, von der angerufen wird (nur diese Nummer zählt; für andere Personen oder Nummern nie), auf einen neuen Tag und eine neue Uhrzeit; die Mitarbeiterin bleibt dieselbe, außer es wird jemand anderes genannt. Vorher den alten Termin und die neue Zeit vorlesen und erst nach einem Ja aufrufen.',
    execution: 'Einen Moment, ich schaue, ob das geht.',
  },
};

/**
 * The four functions as Retell custom tools (JSON Schema parameters), to be pasted into an agent as they are:
 * `baseUrl` is where Retell reaches this service. The filler is spoken word for word (`static_text`): with
 * Retell's default, `prompt`, its LLM would take the sentence as an instruction and make up a filler of its own.
 */
export function toolDefinitions(baseUrl: string) {
  return (Object.keys(TOOL_ARGS) as ToolName[]).map((name) => {
    const { $schema: _schema, ...parameters } = z.toJSONSchema(TOOL_ARGS[name]) as Record<string, unknown>;
    return {
      type: 'custom',
      name,
      description: DESCRIPTIONS[name].description,
      url: `${baseUrl}/retell/functions/${name}`,
      method: 'POST',
      parameters,
      speak_during_execution: true,
      execution_message_type: 'static_text',
      execution_message_description: DESCRIPTIONS[name].execution,
      speak_after_execution: true,
      timeout_ms: 10_000,
    };
  });
}
