/**
 * Script-injection payloads in the style of the OWASP XSS Filter Evasion Cheat Sheet, plus the
 * Markdown-specific tricks a forum adds. Every payload tries to set `window.__xss` or open a
 * dialog (alert), so a test can tell whether any of them ran.
 */
export const XSS_PAYLOADS: readonly string[] = [
  // Script tags, plain and disguised
  '<script>window.__xss=1</script>',
  '<SCRIPT>window.__xss=1</SCRIPT>',
  '<script src="data:text/javascript,window.__xss=1"></script>',
  '<<SCRIPT>window.__xss=1//<</SCRIPT>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '"><script>window.__xss=1</script>',
  "'><script>window.__xss=1</script>",
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '<template><script>window.__xss=1</script></template>',
  '<script>alert(1)</script>',
  // Event handlers
  '<img src=x onerror=window.__xss=1>',
  '<img src=x onerror="alert(1)">',
  '<IMG SRC=x ONERROR=window.__xss=1>',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<svg onload=window.__xss=1>',
  '<svg/onload=alert(1)>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1></select>',
  '<video><source onerror="window.__xss=1"></video>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>x</marquee>',
  '<x onclick=window.__xss=1 style=display:block;position:fixed;inset:0>klikk</x>',
  '<div onmouseover="window.__xss=1">hold musen her</div>',
  // javascript:, vbscript: and data: URLs in links and images
  '<a href="javascript:window.__xss=1">klikk</a>',
  '<a href="JaVaScRiPt:alert(1)">klikk</a>',
  '<a href="jav&#x0A;ascript:alert(1)">klikk</a>',
  '<a href="&#106;avascript:alert(1)">klikk</a>',
  '<a href="javascript&colon;alert(1)">klikk</a>',
  '<a href="vbscript:msgbox(1)">klikk</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klikk</a>',
  '<IMG SRC="javascript:window.__xss=1;">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<IMG SRC=" &#14;  javascript:alert(1);">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  // SVG and MathML
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x=20 y=20>klikk</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<math href="javascript:window.__xss=1">klikk</math>',
  // Frames, objects and other embedding
  '<iframe src="javascript:window.top.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<form><button formaction=javascript:window.__xss=1>send</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  // Style and expression()
  '<div style="background:url(javascript:alert(1))">bakgrunn</div>',
  '<div style="width: expression(alert(1));">gammel IE</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<style>*{background:url("javascript:alert(1)")}</style>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  // Broken, nested and mutated markup
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<img src="x` `<script>window.__xss=1</script>"` `>',
  '<a href="x" title="</a><img src=x onerror=window.__xss=1>">x</a>',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '<![CDATA[<img src=x onerror=window.__xss=1>]]>',
  // Entities and escapes
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e',
  // Markdown link and image tricks
  '[klikk](javascript:window.__xss=1)',
  '[klikk](JaVaScRiPt:alert(1))',
  '[klikk](javascript&#58;alert(1))',
  '[klikk](  javascript:alert(1)  )',
  '[klikk](<javascript:alert(1)>)',
  '[klikk](vbscript:msgbox(1))',
  '[klikk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![bilde](javascript:window.__xss=1)',
  '![bilde](x" onerror="window.__xss=1)',
  '![bilde"onerror="window.__xss=1](x)',
  '[x]: javascript:alert(1)\n\n[referanselenke][x]',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  'https://example.com/"><script>window.__xss=1</script>',
  'www.example.com/<img src=x onerror=window.__xss=1>',
  // HTML in code, and in mention and emoji syntax
  '```html\n<script>window.__xss=1</script>\n```',
  '`<img src=x onerror=window.__xss=1>`',
  '@<img src=x onerror=window.__xss=1>',
  ':<img src=x onerror=window.__xss=1>:',
];

/** Short payloads (names may have at most 80 characters). */
export const SHORT_PAYLOADS = XSS_PAYLOADS.filter((p) => p.length <= 70 && !p.includes('\n'));

/**
 * Packs payloads into strings of at most `max` characters (titles: 200), each starting with
 * `prefix` so a search can find them. Every payload lands in exactly one string.
 */
export function packPayloads(payloads: readonly string[], prefix: string, max: number): string[] {
  const packed: string[] = [];
  let current = prefix;
  for (const payload of payloads) {
    const single = payload.replace(/\n/g, ' ');
    if (prefix.length + 1 + single.length > max) continue;
    if (current.length + 1 + single.length > max) {
      packed.push(current);
      current = prefix;
    }
    current = `${current} ${single}`;
  }
  if (current !== prefix) packed.push(current);
  return packed;
}
