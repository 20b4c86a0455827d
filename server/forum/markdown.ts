import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Forum Markdown → HTML. Transforms run first (Markdown with raw HTML disabled, @mentions,
 * :emoji: shortcodes, linkified URLs); **sanitising is the last step**, so nothing a transform
 * produces can smuggle markup past the allowlist.
 */

const EMOJI: Record<string, string> = {
  smile: '😄',
  grin: '😁',
  laughing: '😆',
  wink: '😉',
  heart: '❤️',
  thumbsup: '👍',
  '+1': '👍',
  thumbsdown: '👎',
  tada: '🎉',
  clap: '👏',
  wave: '👋',
  thinking: '🤔',
  coffee: '☕',
  snowflake: '❄️',
  sunny: '☀️',
  mountain: '⛰️',
  house: '🏠',
  computer: '💻',
  rocket: '🚀',
  eyes: '👀',
  fish: '🐟',
  owl: '🦉',
};

const MENTION = /(^|[^\w@/.])@([a-z0-9][a-z0-9_.-]{1,29})/g;

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
// Headings inside a post sit below the page's own h1/h2.
md.renderer.rules.heading_open = (tokens, idx) => `<h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + 2)}>`;
md.renderer.rules.heading_close = (tokens, idx) => `</h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + 2)}>`;

// Replace @handle and :emoji: inside text tokens only (never inside code or links).
md.core.ruler.push('hubro_mentions_emoji', (state) => {
  const knownHandles = (state.env as RenderEnv).knownHandles;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: typeof block.children = [];
    let insideLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink += 1;
      if (token.type === 'link_close') insideLink -= 1;
      if (token.type !== 'text' || insideLink > 0) {
        out.push(token);
        continue;
      }
      const text = token.content.replace(/:([a-z0-9+_-]{1,20}):/g, (whole, name: string) => EMOJI[name] ?? whole);
      let last = 0;
      for (const match of text.matchAll(MENTION)) {
        const handle = match[2]!;
        if (!knownHandles.has(handle)) continue;
        const start = match.index! + match[1]!.length;
        if (start > last) out.push(textToken(state, text.slice(last, start)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['href', `/forum/u/${handle}`],
          ['class', 'mention'],
        ];
        out.push(open, textToken(state, `@${handle}`), new state.Token('link_close', 'a', -1));
        last = start + handle.length + 1;
      }
      if (last < text.length) out.push(textToken(state, text.slice(last)));
    }
    block.children = out;
  }
});

function textToken(state: { Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => { content: string } }, content: string) {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token as never;
}

interface RenderEnv {
  knownHandles: ReadonlySet<string>;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'a', 'img', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'rel'],
    img: ['src', 'alt', 'title'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
    ol: ['start'],
  },
  allowedClasses: { a: ['mention'], code: [/^language-[a-z0-9+#-]{1,20}$/] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Every link: no referrer power, no ranking credit, no window.opener.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', referrerpolicy: 'no-referrer' } }),
  },
};
// transformTags adds loading/referrerpolicy to img after the attribute filter, so allow them.
(SANITIZE.allowedAttributes as Record<string, string[]>).img!.push('loading', 'referrerpolicy');

/** The handles a body mentions (candidates; the caller checks which exist). */
export function mentionedHandles(markdown: string): string[] {
  const handles = new Set<string>();
  for (const match of markdown.matchAll(MENTION)) handles.add(match[2]!);
  return [...handles].slice(0, 50);
}

/** Renders a post body. Only `knownHandles` become mention links. Sanitising is last. */
export function renderMarkdown(markdown: string, knownHandles: ReadonlySet<string> = new Set()): string {
  const html = md.render(markdown, { knownHandles } satisfies RenderEnv);
  return sanitizeHtml(html, SANITIZE);
}

/** Plain text for titles, names and snippets that are shown as text: no markup at all. */
export function plainText(value: string): string {
  return sanitizeHtml(value, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'escape' });
}
