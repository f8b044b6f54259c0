// The visible text of a fixture page, roughly as a reader sees it (tags and comments, scripts,
// styles and form fields dropped; entities decoded), for the detector benchmark.
import { readFileSync } from 'node:fs';

export function pageText(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|textarea|title)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|li|ul|h\d|pre|header|nav|article|main|body|html|head)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
