/** What the agent says on its own, as the caller hears it: the expectations of the scripted calls. */
export const LOOKING = 'Einen Moment, ich schaue kurz nach.';
export const BOOKING = 'Einen Moment, ich trage das ein.';
export const ANYTHING_ELSE = 'Kann ich sonst noch etwas für Sie tun?';
export const WHAT_ELSE = 'Gern, was kann ich für Sie tun?';
export const ASK_TIME = 'Wann hätten Sie denn Zeit? Sagen Sie mir gern einen Tag und eine Uhrzeit.';
export const ASK_OTHER_TIME = 'Kein Problem. Wann würde es Ihnen stattdessen passen?';
export const ASK_WHICH_OFFER = 'Welcher der Termine passt Ihnen?';
export const ASK_NAME = 'Auf welchen Namen darf ich den Termin eintragen?';
export const ASK_PHONE = 'Unter welcher Telefonnummer erreichen wir Sie?';
export const CONFIRM_PHONE = 'Darf ich den Termin unter der Nummer eintragen, von der Sie anrufen, mit den Endziffern 5 6 7 8?';
export const GOODBYE = 'Vielen Dank für Ihren Anruf. Auf Wiederhören!';
export const ASK_SERVICE =
  'Gern. Welche Leistung wünschen Sie? Wir bieten Ansatzfärbung, Damenhaarschnitt, Herrenhaarschnitt, Strähnchen sowie Waschen und Föhnen an.';
export const NOTHING_FREE = 'In den nächsten Wochen ist dafür leider nichts mehr frei.';
export const KEEP_IT = 'In Ordnung, dann bleibt alles, wie es ist.';
export const ASK_RESCHEDULE_TIME = 'Gern. Auf welchen Tag und welche Uhrzeit soll ich Ihren Termin verschieben?';
export const CHANGES_NEED_CALLING_NUMBER =
  'Termine kann ich nur für die Nummer ändern, von der Sie anrufen. Bitte rufen Sie von dieser Nummer an, oder eine Kollegin hilft Ihnen gern weiter.';
export const NOT_UNDERSTOOD = 'Entschuldigung, das habe ich akustisch nicht verstanden. Könnten Sie das bitte wiederholen?';
export const GREETING = 'Salon Haarmonie, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?';
