/**
 * RFC 5545 iCalendar: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * sequence), TEXT escaped (\\ ; , and newlines), times in UTC.
 */
import type { ForumRow } from './model/forum.ts';

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold one content line to ≤ 75 octets per physical line. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let curBytes = 0;
  let limit = 75;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const b = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // UTF-8 octets (a lone surrogate: 3, as U+FFFD)
    if (curBytes + b > limit) {
      out.push(cur);
      cur = ' ';
      curBytes = 1;
      limit = 75;
    }
    cur += ch;
    curBytes += b;
  }
  out.push(cur);
  return out.join('\r\n');
}

function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const STATUS: Record<string, string> = {
  announced: '모집 예정', open: '모집 중', full: '대기 접수', closed: '마감', live: '진행 중', finished: '종료', reported: '결과 공개',
};

/**
 * `forumPage` is the address of the page that shows a forum to a person (a template with `{id}`):
 * the event's `URL:` and the link in its description, never the JSON API.
 */
export function calendarFile(forums: readonly ForumRow[], forumPage: string, now: Date, name: string): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Namyangju City//Hyeondap forums//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Seoul',
  ];
  const stamp = utc(now.toISOString());
  for (const f of forums) {
    const url = forumPage.replaceAll('{id}', encodeURIComponent(f.id));
    const topics = (JSON.parse(f.topics) as string[]).join(', ');
    const description = [f.summary, topics ? `주제: ${topics}` : '', `상태: ${STATUS[f.status] ?? f.status}`, url].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:forum-${f.id}@hyeondap.namyangju`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(f.starts_at)}`,
      `DTEND:${utc(f.ends_at)}`,
      `SUMMARY:${escapeText(f.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LOCATION:${escapeText(`${f.venue_name}, ${f.venue_address}`)}`,
      `URL:${url}`,
      `STATUS:${f.status === 'announced' ? 'TENTATIVE' : 'CONFIRMED'}`,
      `LAST-MODIFIED:${utc(f.updated_at)}`,
    );
    if (f.venue_lat !== null && f.venue_lng !== null) lines.push(`GEO:${f.venue_lat};${f.venue_lng}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
