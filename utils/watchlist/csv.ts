// CSV as RFC 4180 writes and reads it: fields with commas, quotes or line breaks are quoted,
// quotes doubled. A field a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
// written with a leading apostrophe: notes and change messages may hold anyone's text.

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export interface CsvRecord {
  /** The line (1-based) where the record starts, as a text editor counts. */
  line: number;
  fields: string[];
}

/** Parses CSV text into records; a quoted field may span lines. Never throws. */
export function parseCsv(text: string, maxRecords = 100_000): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
  const end = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: start, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length && records.length < maxRecords; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0 || fieldStarted) end();
  return records;
}
