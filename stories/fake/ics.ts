/**
 * RFC 5545 calendars for the fake, as the reference server writes them (server/ics.ts, which
 * needs Node's Buffer): CRLF line ends, lines folded at 75 octets never inside a UTF-8
 * sequence, TEXT escaped, times in UTC.
 */
import type { ForumRec } from './store.ts';

const enc = new TextEncoder();

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const b = enc.encode(ch).length;
    if (bytes + b > 75) {
      out.push(cur);
      cur = ' ';
      bytes = 1;
    }
    cur += ch;
    bytes += b;
  }
  out.push(cur);
  return out.join('\r\n');
}

const utc = (iso: string): string => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const STATUS: Record<string, string> = {
  announced: '모집 예정', open: '모집 중', full: '대기 접수', closed: '마감', live: '진행 중', finished: '종료', reported: '결과 공개',
};

/** `forumPage`: the page that shows a forum (`{id}` for its id), as the reference server links it. */
export function calendarFile(forums: readonly ForumRec[], forumPage: string, now: Date, name: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Namyangju City//Hyeondap forums//KO', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Asia/Seoul'];
  const stamp = utc(now.toISOString());
  for (const f of forums) {
    const url = forumPage.replaceAll('{id}', encodeURIComponent(f.id));
    const topics = f.topics.join(', ');
    const description = [f.summary, topics ? `주제: ${topics}` : '', `상태: ${STATUS[f.status] ?? f.status}`, url].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:forum-${f.id}@hyeondap.namyangju`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(f.startsAt)}`,
      `DTEND:${utc(f.endsAt)}`,
      `SUMMARY:${escapeText(f.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LOCATION:${escapeText(`${f.venue.name}, ${f.venue.address}`)}`,
      `URL:${url}`,
      `STATUS:${f.status === 'announced' ? 'TENTATIVE' : 'CONFIRMED'}`,
      `LAST-MODIFIED:${utc(f.updatedAt)}`,
    );
    if (f.venue.lat !== null && f.venue.lng !== null) lines.push(`GEO:${f.venue.lat};${f.venue.lng}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
