/**
 * Calendar days as `YYYY-MM-DD` keys of the Seoul calendar. Arithmetic runs on UTC dates (no
 * zone shifts); a key becomes an instant only at the edge, with Seoul's fixed +09:00 offset
 * (Korea has kept no daylight saving time since 1988).
 */
const toDate = (key: string) => new Date(`${key.slice(0, 10)}T00:00:00Z`);
/** The UTC date's key (years 0000–9999: ISO 8601's four-digit form). */
const toKey = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(key: string, days: number): string {
  const d = toDate(key);
  d.setUTCDate(d.getUTCDate() + days);
  return toKey(d);
}

/** The same day `months` later, clamped to the month's last day. */
export function addMonths(key: string, months: number): string {
  const d = toDate(key);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toKey(target);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (key: string) => toDate(key).getUTCDay();

/** Midnight of the day in Seoul, as ISO 8601 with offset. */
export const seoulMidnight = (key: string) => `${key.slice(0, 10)}T00:00:00+09:00`;

/** Noon of the day in Seoul (a safe instant to format the day with `Intl`). */
export const seoulNoon = (key: string) => new Date(`${key.slice(0, 10)}T12:00:00+09:00`);

/** Whether a string is a `YYYY-MM` month. */
export const isMonth = (value: string | null | undefined): value is string => /^\d{4}-(0[1-9]|1[0-2])$/.test(value ?? '');

/** The 42 days (six weeks, Sunday first) shown for a month: the same height every month. */
export function monthGrid(month: string): string[] {
  const first = `${month}-01`;
  const start = addDays(first, -weekday(first));
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}
