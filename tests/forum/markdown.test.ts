import { describe, expect, it } from 'vitest';
import { mentionedHandles, plainText, renderMarkdown } from '../../server/forum/markdown';
import { executableParts, XSS_PAYLOADS } from '../support/xss-corpus';

describe('forum Markdown', () => {
  it('renders the usual Markdown, with headings below the page’s own', () => {
    const html = renderMarkdown('# Tittel\n\n**fet**, _kursiv_, `kode`\n\n- en\n- to\n\n> sitat');
    expect(html).toContain('<h3>Tittel</h3>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<code>kode</code>');
    expect(html).toContain('<li>en</li>');
    expect(html).toContain('<blockquote>');
  });

  it('links known @handles only, never inside code, and finds mention candidates', () => {
    const html = renderMarkdown('Hei @kari og @ukjent, se `@kari`', new Set(['kari']));
    expect(html).toContain('<a href="/forum/u/kari" class="mention" rel="nofollow ugc noopener">@kari</a>');
    expect(html).not.toContain('/forum/u/ukjent');
    expect(html).toContain('<code>@kari</code>');
    expect(mentionedHandles('@kari, @ola.n og e-post kari@dyroy.no')).toEqual(['kari', 'ola.n']);
  });

  it('turns :emoji: into emoji and URLs into nofollow links', () => {
    const html = renderMarkdown(':tada: se https://dyroy.kommune.no');
    expect(html).toContain('🎉');
    expect(html).toContain('<a href="https://dyroy.kommune.no" rel="nofollow ugc noopener">');
  });

  it('only allows images over http(s)', () => {
    expect(renderMarkdown('![a](https://bilder.example/hytte.jpg)')).toContain('src="https://bilder.example/hytte.jpg"');
    expect(renderMarkdown('![a](data:image/png;base64,AAAA)')).not.toContain('data:');
    expect(renderMarkdown('![a](//bilder.example/x.png)')).not.toContain('src=');
  });

  it.each(XSS_PAYLOADS.map((p) => [p]))('leaves nothing executable from %s', (payload) => {
    const html = renderMarkdown(`Tekst før ${payload} og etter`, new Set(['kari']));
    expect(executableParts(html)).toEqual([]);
    expect(executableParts(plainText(payload))).toEqual([]);
  });

  it('has a corpus of at least 50 payloads, and the checker catches live markup', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(executableParts('<img src=x onerror=alert(1)><a href="jav&#x09;ascript:x">a</a><script></script>')).toEqual([
      'img[onerror]',
      'a[href=jav\tascript:x]',
      '<script>',
    ]);
  });
});
