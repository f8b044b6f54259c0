// @vitest-environment happy-dom
// The welcome page in the user's language; the sample article (a quoted English news story) is
// rendered once, so re-rendering the count never undoes the marks the scanner put in it.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WelcomePage } from '@/components/welcome-page';
import { useLanguage } from '../support/i18n-messages';

function renderPage(sampleCount: number, root = document.createElement('div')) {
  render(<WelcomePage sampleCount={sampleCount} />, root);
  return root;
}

describe('WelcomePage', () => {
  afterEach(() => useLanguage('en'));

  it('reads as before in English, with the count in #sample-count', () => {
    const root = renderPage(6);
    expect(root.querySelector('h1')!.textContent).toBe('Welcome to Hostlens');
    expect(root.querySelector('#sample-count')!.textContent).toBe('6');
    expect(root.textContent).toContain('Hostlens found 6 hosts in it.');
    expect(root.querySelector('li strong')!.textContent).toBe('Reading a page sends nothing.');
    expect(root.querySelector('li:nth-child(2) strong')!.textContent).toBe('only the host name');
  });

  it.each([
    [1, 'Hostlens нашёл в ней 1 хост.'],
    [3, 'Hostlens нашёл в ней 3 хоста.'],
    [5, 'Hostlens нашёл в ней 5 хостов.'],
  ])('counts %i sample hosts in Russian', async (count, sentence) => {
    await useLanguage('ru');
    const root = renderPage(count);
    expect(root.querySelector('h1')!.textContent).toBe('Добро пожаловать в Hostlens');
    expect(root.textContent).toContain(sentence);
    expect(root.querySelector('#sample-count')!.textContent).toBe(String(count));
    const article = root.querySelector('#sample-article')!;
    expect(article.getAttribute('aria-label')).toBe('Пример статьи');
    expect(article.getAttribute('lang')).toBe('en');
    expect(article.textContent).toContain('mail1.trump-email.com');
  });

  it('leaves the marked article alone when the count changes', () => {
    const root = renderPage(0);
    const paragraph = root.querySelector('#sample-article p')!;
    paragraph.innerHTML = '<mark>rewritten by the scanner</mark>';
    renderPage(6, root);
    expect(root.querySelector('#sample-article p')!.innerHTML).toBe('<mark>rewritten by the scanner</mark>');
    expect(root.querySelector('#sample-count')!.textContent).toBe('6');
  });
});
