/**
 * Times as operators type them: in Asia/Seoul, whatever the browser's zone. Korea keeps UTC+9 all
 * year (no daylight saving since 1988), so adding nine hours is exact.
 */
const HOUR = 3_600_000;

/** An instant as `YYYY-MM-DDTHH:MM` in Seoul (a `datetime-local` value); '' for none. */
export const toSeoul = (iso: string | null | undefined): string => (iso ? new Date(Date.parse(iso) + 9 * HOUR).toISOString().slice(0, 16) : '');

/** `YYYY-MM-DDTHH:MM` typed in Seoul as an instant with its offset. */
export const fromSeoul = (local: string): string => `${local.trim()}:00+09:00`;

/** Today's date in Seoul, `YYYY-MM-DD`. */
export const seoulToday = (now = new Date()): string => toSeoul(now.toISOString()).slice(0, 10);
