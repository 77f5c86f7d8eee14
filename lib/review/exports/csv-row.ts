export type CsvValue = string | number | null;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(…)`, `@SUM(…)`, and `+`, `-`,
 * tab or CR before one), and summaries and names are text anyone — a caller, a colleague in the provider's
 * app — can write: such a field gets a leading `'`, which spreadsheets show as text. OWASP's CSV injection rule.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: CsvValue): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record as RFC 4180 writes it: fields with a comma, quote, CR or LF quoted, quotes doubled, CRLF after. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
