import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/utils/watchlist/csv';
import { changeLogCsv } from '@/utils/watchlist/changelog-csv';
import type { Change } from '@/utils/watchlist/model';

// Changes as the watch runner records them for hosts of the 2016 Alfa Bank DNS story; the TXT
// value stands for attacker-controlled text.
const CHANGES: Change[] = [
  {
    id: 2,
    host: 'mail1.trump-email.com',
    at: Date.UTC(2016, 10, 1),
    kind: 'status',
    subject: 'status',
    value: 'NXDOMAIN',
    previous: 'NOERROR',
    message: 'stopped resolving',
  },
  {
    id: 1,
    host: '66.216.133.29',
    at: Date.UTC(2016, 9, 31),
    kind: 'new-name',
    subject: '66.216.133.29',
    value: 'trump1.contact-client.com',
    message: 'new name on 66.216.133.29: trump1.contact-client.com',
  },
  {
    id: 3,
    host: 'evil.example',
    at: Date.UTC(2016, 10, 1),
    kind: 'added',
    subject: 'TXT',
    value: '=cmd|\' /C calc\'!A0, "quoted"\nsecond line',
    message: '@SUM(1+1)',
  },
];

describe('changeLogCsv', () => {
  it('writes the header, ISO times, oldest first', () => {
    const lines = changeLogCsv(CHANGES.slice(0, 2)).split('\r\n');
    expect(lines).toEqual([
      'at,host,kind,subject,value,previous,message',
      '2016-10-31T00:00:00.000Z,66.216.133.29,new-name,66.216.133.29,trump1.contact-client.com,,new name on 66.216.133.29: trump1.contact-client.com',
      '2016-11-01T00:00:00.000Z,mail1.trump-email.com,status,status,NXDOMAIN,NOERROR,stopped resolving',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks and keeps formulas inert', () => {
    const csv = changeLogCsv([CHANGES[2]!]);
    expect(csv).toContain('"\'=cmd|\' /C calc\'!A0, ""quoted""\nsecond line",,\'@SUM(1+1)\r\n');
    const records = parseCsv(csv);
    expect(records).toHaveLength(2);
    expect(records[1]!.fields).toEqual([
      '2016-11-01T00:00:00.000Z',
      'evil.example',
      'added',
      'TXT',
      "'=cmd|' /C calc'!A0, \"quoted\"\nsecond line",
      '',
      "'@SUM(1+1)",
    ]);
  });

  it('ties on time keep the order they were recorded in', () => {
    const csv = changeLogCsv(CHANGES);
    expect(csv.indexOf('mail1.trump-email.com')).toBeLessThan(csv.indexOf('evil.example'));
  });

  it('an empty log is the header alone; an impossible time is an empty cell, not a throw', () => {
    expect(changeLogCsv([])).toBe('at,host,kind,subject,value,previous,message\r\n');
    expect(changeLogCsv([{ ...CHANGES[0]!, at: Number.NaN }]).split('\r\n')[1]).toMatch(/^,mail1/);
  });
});
