// Every message in the protocol has one receiver. A content script that asks a question nobody
// answers fails quietly (getPageSettings unanswered keeps Hostlens off on every page), so this
// is checked here rather than left to an end-to-end spec to notice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageSchemas } from '@/utils/messages/schemas';

const ROOT = join(import.meta.dirname, '../..');
const productCode = ['entrypoints', 'utils']
  .flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)),
  )
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => readFileSync(join(ROOT, file), 'utf8'))
  .join('\n');

/** Handlers registered for `type`: through the sender-checking `serve` or the plain `onMessage`. */
const receivers = (type: string) =>
  productCode.split(`serve('${type}'`).length - 1 + productCode.split(`onMessage('${type}'`).length - 1;

describe('the message protocol', () => {
  it.each(Object.keys(messageSchemas))('%s has exactly one receiver', (type) => {
    expect(receivers(type)).toBe(1);
  });
});
