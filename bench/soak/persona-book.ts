/** A caller's own notes: the appointments the agent told them they have, so a later call can cancel or move one. */
export interface KnownAppointment {
  appointmentId: string;
  start: string;
  staffId: string | null;
}

export class PersonaBook {
  private readonly active = new Map<string, KnownAppointment>();

  get size(): number {
    return this.active.size;
  }

  /** The appointment a later call is about: the latest one told. */
  latest(): KnownAppointment | null {
    return [...this.active.values()].at(-1) ?? null;
  }

  find(appointmentId: string): KnownAppointment | null {
    return this.active.get(appointmentId) ?? null;
  }

  booked(appointment: KnownAppointment): void {
    this.active.set(appointment.appointmentId, appointment);
  }

  cancelled(appointmentId: string): void {
    this.active.delete(appointmentId);
  }

  moved(previousId: string, next: KnownAppointment): void {
    this.active.delete(previousId);
    this.active.set(next.appointmentId, next);
  }
}
