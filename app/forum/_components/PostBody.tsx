import { cx } from '@/app/_components/ui/class-names';

/** Typography for rendered posts (the Markdown subset server/forum/markdown.ts allows). */
export const POST_PROSE = cx(
  'min-w-0 break-words text-[0.9375rem] leading-relaxed text-ink sm:text-base',
  '[&_p]:my-3 [&>:first-child]:mt-0 [&>:last-child]:mb-0',
  '[&_a]:text-fjord-700 [&_a]:underline [&_a]:decoration-1 [&_a]:underline-offset-2 [&_a:hover]:text-fjord-900 [&_a:hover]:decoration-2',
  '[&_a.mention]:rounded [&_a.mention]:bg-fjord-50 [&_a.mention]:px-0.5 [&_a.mention]:font-semibold [&_a.mention]:no-underline',
  '[&_strong]:font-semibold [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1',
  '[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-sand-300 [&_blockquote]:bg-sand-50 [&_blockquote]:py-1 [&_blockquote]:pr-3 [&_blockquote]:pl-4 [&_blockquote]:text-ink-muted',
  '[&_code]:rounded [&_code]:bg-sand-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.875em]',
  '[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-fjord-950 [&_pre]:p-4 [&_pre]:text-sm [&_pre]:text-fjord-50 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-inherit',
  '[&_img]:my-3 [&_img]:h-auto [&_img]:max-h-[32rem] [&_img]:max-w-full [&_img]:rounded-lg',
  '[&_h3]:mt-5 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:mb-2 [&_h4]:font-semibold [&_h5]:mt-4 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:font-semibold',
  '[&_hr]:my-5 [&_hr]:border-sand-200',
  '[&_table]:my-3 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_th]:border [&_th]:border-sand-200 [&_th]:bg-sand-50 [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_td]:border [&_td]:border-sand-200 [&_td]:px-3 [&_td]:py-1.5',
);

/** Highlighted search matches (<mark>) in titles and snippets. */
export const MARK_STYLE = '[&_mark]:rounded-sm [&_mark]:bg-birch-100 [&_mark]:px-0.5 [&_mark]:text-ink [&_mark]:ring-1 [&_mark]:ring-birch-300/60';

/**
 * A post's HTML. NOTE: `html` must be the server's rendering (server/forum/markdown.ts, where
 * sanitising is the last step): it is the only user content this app renders as markup.
 */
export function PostBody({ html, lang, className, id }: { html: string; lang?: string; className?: string; id?: string }) {
  return <div id={id} lang={lang} data-post-body="" className={cx(POST_PROSE, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
