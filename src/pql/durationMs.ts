import type { PqlDurationUnit } from './PqlNode';

const UNIT_MS: Readonly<Record<PqlDurationUnit, number>> = { days: 86_400_000, hours: 3_600_000, minutes: 60_000 };

/** The length of `amount unit` in milliseconds (a day is 24 hours: windows are measured on the clock, not the calendar). */
export function durationMs(amount: number, unit: PqlDurationUnit): number {
  return amount * UNIT_MS[unit];
}
