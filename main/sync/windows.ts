// Maintenance windows as operators see them.
import type { MaintenanceWindowDto } from '../../shared/contract';
import type { MaintenanceWindow } from '../../db/repositories/sync';

export function windowDto(w: MaintenanceWindow, now: Date): MaintenanceWindowDto {
  const at = now.toISOString();
  const state = w.cancelledAt ? 'cancelled' : w.endsAt <= at ? 'ended' : w.startsAt <= at ? 'open' : 'scheduled';
  return {
    id: w.id,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    note: w.note,
    createdBy: w.createdBy,
    createdAt: w.createdAt,
    cancelledAt: w.cancelledAt,
    state,
  };
}
