/** CSV for spreadsheets (RFC 4180), answered by routes that take `format=csv`. */
export const csvContentType = 'text/csv; charset=utf-8';

/** A field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields, each CRLF-terminated; an absent value is an empty field. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
