/**
 * CSV for spreadsheets, escaped as the result summary's export is (src/elements/result-summary/
 * csv.ts; the server does not import the elements): RFC 4180 (CRLF, quoted when a field holds
 * `"`, `,`, CR or LF, quotes doubled), UTF-8 with a BOM so Excel reads Korean, and text cells a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`.
 */
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
