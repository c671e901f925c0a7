/**
 * Formatting with `Intl`, always in the forum's zone (Asia/Seoul) whatever the browser's zone.
 * Formatters are cached per locale and options.
 */
export const TIME_ZONE = 'Asia/Seoul';

type DateInput = string | number | Date;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const SHORT_DATE: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

const isKorean = (locale: string) => locale.toLowerCase().startsWith('ko');

/** A date with its weekday the way each language writes it: `2026년 12월 3일 (목)`, `Thu, December 3, 2026`. */
function withWeekday(value: Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  if (isKorean(locale)) {
    return `${dateTimeFormat(locale, options).format(value)} (${dateTimeFormat(locale, WEEKDAY).format(value)})`;
  }
  return dateTimeFormat(locale, { ...options, ...WEEKDAY }).format(value);
}

/** `2026년 12월 3일 (목)` / `Thu, December 3, 2026`. */
export function formatDate(value: DateInput, locale: string): string {
  return withWeekday(toDate(value), locale, DATE);
}

/** `12월 3일 (목)` — without the year. */
export function formatShortDate(value: DateInput, locale: string): string {
  return withWeekday(toDate(value), locale, SHORT_DATE);
}

/** `오후 7:00` / `7:00 PM`. */
export function formatTime(value: DateInput, locale: string): string {
  return dateTimeFormat(locale, TIME).format(toDate(value));
}

/** Date and time: `2026년 12월 3일 (목) 오후 7:00`. */
export function formatDateTime(value: DateInput, locale: string): string {
  const date = toDate(value);
  return `${formatDate(date, locale)}${isKorean(locale) ? ' ' : ', '}${formatTime(date, locale)}`;
}

/**
 * A forum's span: `2026년 12월 3일 (목) 오후 7:00~9:00` within one Seoul day, both ends in full
 * otherwise.
 */
export function formatDateRange(start: DateInput, end: DateInput, locale: string): string {
  const a = toDate(start);
  const b = toDate(end);
  if (!(b > a)) return formatDateTime(a, locale);
  if (seoulDateKey(a) === seoulDateKey(b)) {
    const times = dateTimeFormat(locale, TIME).formatRange(a, b);
    return `${formatDate(a, locale)}${isKorean(locale) ? ' ' : ', '}${times}`;
  }
  return `${formatDateTime(a, locale)} ~ ${formatDateTime(b, locale)}`;
}

/** `YYYY-MM-DD` of the day in Seoul (to group by calendar day). */
export function seoulDateKey(value: DateInput): string {
  const parts = dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(toDate(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** `3분 전`, `내일`, `in 2 hours`. */
export function formatRelative(value: DateInput, locale: string, now: DateInput = Date.now()): string {
  let amount = (toDate(value).getTime() - toDate(now).getTime()) / 1000;
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** `42%` from 0.42. */
export function formatPercent(ratio: number, locale: string): string {
  return formatNumber(ratio, locale, { style: 'percent', maximumFractionDigits: 0 });
}

/** Plural category of a count in a locale (`one`, `other`, …). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** `1 seat` / `3 seats` for English-like locales; Korean counters take no plural. */
export function formatCount(count: number, locale: string, forms: { one: string; other: string }): string {
  const n = formatNumber(count, locale);
  return `${n} ${pluralCategory(count, locale) === 'one' ? forms.one : forms.other}`;
}
