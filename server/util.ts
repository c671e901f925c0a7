import { randomInt } from './crypto.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

/** Random code from an unambiguous alphabet (join codes, registration codes). */
export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** ISO instant in UTC (how times are stored). */
export function toUtcIso(s: string): string {
  return new Date(s).toISOString();
}

/** Today's calendar date in Asia/Seoul (YYYY-MM-DD). */
export function seoulDate(d: Date): string {
  return new Date(d.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

export function seoulYear(iso: string): number {
  return Number(seoulDate(new Date(iso)).slice(0, 4));
}
