/**
 * CSV for spreadsheets: RFC 4180 (CRLF, quoted when a field holds `"`, `,`, CR or LF, quotes
 * doubled), UTF-8 with a BOM so Excel reads Korean correctly, and text cells that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`.
 *
 * A chunk of its own: `<hd-result-summary>` fetches it on the first click of its download button
 * (or call of `csv()`), then builds and saves the file in the same promise chain. Its words live
 * here, in both languages.
 */
import type { ForumResult } from '../../api/types.js';
import { seoulDateKey } from '../../i18n/format.js';
import type { ResultHost } from './details.js';

const ko = {
  head: ['토론회', '날짜', '순위', '제안', '득표', '분야', '담당 부서', '답변 상태', '시 답변', '답변일', '바탕이 된 의견', '추진 경과'],
  idea: (text: string, table: string, votes: string) => `${text} (${table}번 테이블, ${votes}표)`,
};

const en: typeof ko = {
  head: ['Forum', 'Date', 'Rank', 'Proposal', 'Votes', 'Category', 'Department', 'Response', 'City’s answer', 'Answered', 'Ideas', 'Follow-up'],
  idea: (text, table, votes) => `${text} (table ${table}, ${votes} votes)`,
};

export type CsvValue = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  let text = value == null ? '' : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvValue[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A forum's proposals and the city's responses, one row each, in the element's language. */
export function forumCsv(summary: ResultHost, result: ForumResult): string {
  const words = summary.localize.locale === 'en' ? en : ko;
  const statusNames = summary.localize.m.responseStatus;
  const n = (v: number) => String(v);
  return toCsv([
    words.head,
    ...result.proposals.map((proposal) => [
      result.forum.title,
      seoulDateKey(result.forum.startsAt),
      proposal.rank,
      proposal.title,
      proposal.votes,
      proposal.category ?? '',
      proposal.department ?? '',
      statusNames[proposal.status],
      proposal.answer ?? '',
      proposal.answeredAt ? seoulDateKey(proposal.answeredAt) : '',
      proposal.ideas.map((i) => words.idea(i.text, n(i.table), n(i.votes))).join('\n'),
      proposal.timeline.map((t) => `${t.date} ${t.status ? `[${statusNames[t.status]}] ` : ''}${t.text}`).join('\n'),
    ]),
  ]);
}

/** Saves the forum's CSV as "<date> <title>.csv" through a temporary link in `root`. */
export function download(summary: ResultHost, result: ForumResult, root: Node): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([forumCsv(summary, result)], { type: 'text/csv;charset=utf-8' }));
  link.download = `${seoulDateKey(result.forum.startsAt)} ${result.forum.title}`.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() + '.csv';
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
