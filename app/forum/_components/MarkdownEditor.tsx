'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconErrorCircle } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { Spinner } from '@/app/_components/ui/Spinner';
import { forumApi } from '../_lib/forum-api';
import type { PostLanguage } from '../_lib/types';
import { IconBold, IconCode, IconItalic, IconLink, IconList, IconQuote } from './forum-icons';
import { PostBody } from './PostBody';
import { useAfterRender } from '@/app/_components/use-after-render';

/** server/forum/posting.ts BODY_MAX: the server refuses longer bodies. */
export const BODY_MAX = 50_000;

export interface MarkdownEditorProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  language: PostLanguage;
  onLanguageChange: (language: PostLanguage) => void;
  /** The server's message for the body field. */
  error?: string;
  languageError?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Ctrl/Cmd+Enter in the textarea. */
  onSubmitShortcut?: () => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Smaller starting height, for replies. */
  compact?: boolean;
}

type Mode = 'write' | 'preview';
type Format = 'bold' | 'italic' | 'link' | 'quote' | 'code' | 'list';

const TOOLS: Array<{ format: Format; Icon: typeof IconBold }> = [
  { format: 'bold', Icon: IconBold },
  { format: 'italic', Icon: IconItalic },
  { format: 'link', Icon: IconLink },
  { format: 'quote', Icon: IconQuote },
  { format: 'code', Icon: IconCode },
  { format: 'list', Icon: IconList },
];

/**
 * The forum's Markdown editor (new thread, reply, edit): write and preview tabs (the preview is
 * the server's own sanitised rendering), a few formatting buttons, the post's language, and a
 * character count against the server's limit. Controlled: the form owns the text and submits.
 */
export function MarkdownEditor({
  id,
  label,
  value,
  onChange,
  language,
  onLanguageChange,
  error,
  languageError,
  placeholder,
  autoFocus,
  onSubmitShortcut,
  textareaRef,
  compact = false,
}: MarkdownEditorProps) {
  const t = useTranslations('forum.editor');
  const te = useTranslations('forum.errors');
  const tl = useTranslations('forum.languages');
  const format = useFormatter();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const afterRender = useAfterRender();
  const ref = textareaRef ?? ownRef;
  const [mode, setMode] = useState<Mode>('write');
  const [preview, setPreview] = useState<{ body: string; html?: string; error?: string } | null>(null);
  const tabIds = { write: `${id}-tab-write`, preview: `${id}-tab-preview` };
  const panelIds = { write: `${id}-panel-write`, preview: `${id}-panel-preview` };
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const helpId = useId();
  const over = value.length - BODY_MAX;

  useEffect(() => {
    if (mode !== 'preview' || !value.trim() || preview?.body === value) return;
    let cancelled = false;
    setPreview({ body: value });
    void forumApi<{ html: string }>('/api/forum/preview', { body: { body: value }, fallbackMessage: te('generic') }).then((result) => {
      if (cancelled) return;
      setPreview(result.ok ? { body: value, html: result.data.html } : { body: value, error: result.error.message });
    });
    return () => {
      cancelled = true;
    };
    // `preview` is read, not a trigger: a new preview is wanted only when the text or tab changes.
  }, [mode, value]);

  function choose(next: Mode, focus = false) {
    setMode(next);
    if (focus) document.getElementById(tabIds[next])?.focus();
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const next: Mode =
        event.key === 'Home' ? 'write' : event.key === 'End' ? 'preview' : mode === 'write' ? 'preview' : 'write';
      choose(next, true);
    }
  }

  function applyFormat(kind: Format) {
    const area = ref.current;
    if (!area) return;
    const start = area.selectionStart;
    const end = area.selectionEnd;
    const selected = value.slice(start, end);
    let before = '';
    let after = '';
    let text = selected;
    if (kind === 'bold' || kind === 'italic') {
      before = after = kind === 'bold' ? '**' : '*';
      text ||= t(kind === 'bold' ? 'boldSample' : 'italicSample');
    } else if (kind === 'link') {
      before = '[';
      after = '](https://)';
      text ||= t('linkSample');
    } else if (kind === 'code') {
      const block = selected.includes('\n');
      before = block ? '```\n' : '`';
      after = block ? '\n```' : '`';
      text ||= t('codeSample');
    } else {
      const prefix = kind === 'quote' ? '> ' : '- ';
      const lines = (selected || t(kind === 'quote' ? 'quoteSample' : 'listSample')).split('\n');
      text = lines.map((line) => prefix + line).join('\n');
      // Block syntax must start on its own line.
      if (start > 0 && value[start - 1] !== '\n') before = '\n';
    }
    const next = value.slice(0, start) + before + text + after + value.slice(end);
    onChange(next);
    afterRender(() => {
      area.focus();
      area.setSelectionRange(start + before.length, start + before.length + text.length);
    });
  }

  function onTextKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      const key = event.key.toLowerCase();
      if (key === 'b' || key === 'i') {
        event.preventDefault();
        applyFormat(key === 'b' ? 'bold' : 'italic');
      }
    }
  }

  const describedBy = [countId, error ? errorId : null].filter(Boolean).join(' ');
  const invalid = Boolean(error) || over > 0;

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`${id}-text`} className="text-sm font-semibold text-ink">
        {label}
      </label>
      <div
        className={cx(
          'overflow-hidden rounded-xl border bg-white shadow-xs transition-colors',
          invalid ? 'border-danger-600' : 'border-sand-500',
          'has-[textarea:focus-visible]:outline-3 has-[textarea:focus-visible]:outline-offset-2 has-[textarea:focus-visible]:outline-(--color-focus)',
        )}
      >
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-sand-200 bg-sand-25 px-1.5 py-1.5">
          <div role="tablist" aria-label={t('modes')} className="flex gap-1">
            {(['write', 'preview'] as const).map((m) => (
              <button
                key={m}
                id={tabIds[m]}
                type="button"
                role="tab"
                aria-selected={mode === m}
                aria-controls={panelIds[m]}
                tabIndex={mode === m ? 0 : -1}
                onClick={() => choose(m)}
                onKeyDown={onTabKey}
                className={cx(
                  'rounded-md px-3 py-1.5 text-sm font-semibold transition-colors',
                  mode === m ? 'bg-white text-fjord-800 shadow-xs ring-1 ring-sand-200' : 'text-ink-muted hover:bg-sand-100 hover:text-ink',
                )}
              >
                {t(m)}
              </button>
            ))}
          </div>
          {mode === 'write' ? (
            <div role="toolbar" aria-label={t('toolbar')} aria-controls={`${id}-text`} className="flex flex-wrap gap-0.5">
              {TOOLS.map(({ format: kind, Icon }) => (
                <button
                  key={kind}
                  type="button"
                  onClick={() => applyFormat(kind)}
                  className="flex size-9 items-center justify-center rounded-md text-ink-muted hover:bg-sand-100 hover:text-ink"
                >
                  <Icon size={18} title={t(kind)} />
                </button>
              ))}
            </div>
          ) : null}
        </div>
        <div role="tabpanel" id={panelIds.write} aria-labelledby={tabIds.write} hidden={mode !== 'write'}>
          <textarea
            ref={ref}
            id={`${id}-text`}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={onTextKey}
            placeholder={placeholder}
            autoFocus={autoFocus}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            spellCheck
            lang={language}
            className={cx(
              'block w-full resize-y border-0 bg-white px-3.5 py-3 text-base leading-relaxed text-ink placeholder:text-sand-500 focus-visible:outline-none',
              'field-sizing-content max-h-[70vh]',
              compact ? 'min-h-32' : 'min-h-56',
            )}
          />
        </div>
        <div
          role="tabpanel"
          id={panelIds.preview}
          aria-labelledby={tabIds.preview}
          hidden={mode !== 'preview'}
          tabIndex={0}
          aria-busy={mode === 'preview' && Boolean(preview && preview.html === undefined && !preview.error)}
          className={cx('px-4 py-3', compact ? 'min-h-32' : 'min-h-56')}
        >
          {mode !== 'preview' ? null : !value.trim() ? (
            <p className="text-ink-muted">{t('previewEmpty')}</p>
          ) : preview?.error ? (
            <p className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
              <IconErrorCircle size={16} className="mt-0.5 shrink-0" />
              {t('previewFailed', { message: preview.error })}
            </p>
          ) : preview?.html !== undefined ? (
            <PostBody html={preview.html} lang={language} />
          ) : (
            <p className="flex items-center gap-2 text-ink-muted">
              <Spinner size="sm" decorative />
              {t('previewLoading')}
            </p>
          )}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
          <IconErrorCircle size={16} className="mt-0.5 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
      <div className="mt-1 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <SelectField
          label={t('language')}
          hint={t('languageHint')}
          value={language}
          onChange={(event) => onLanguageChange(event.target.value === 'en' ? 'en' : 'nb')}
          error={languageError}
          className="sm:w-72"
          options={[
            { value: 'nb', label: tl('nb') },
            { value: 'en', label: tl('en') },
          ]}
        />
        <p id={countId} className={cx('text-sm tabular-nums sm:pt-7', over > 0 ? 'font-semibold text-danger-700' : 'text-ink-muted')}>
          {over > 0
            ? t('tooLong', { over: format.number(over) })
            : t('count', { count: format.number(value.length), max: format.number(BODY_MAX) })}
        </p>
      </div>
      <details id={helpId} className="group text-sm text-ink-muted">
        <summary className="w-fit cursor-pointer rounded font-medium text-fjord-700 hover:text-fjord-900">{t('help')}</summary>
        <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {(['bold', 'link', 'quote', 'list', 'code', 'mention', 'emoji'] as const).map((key) => (
            <li key={key} className="font-mono text-[0.8125rem]">
              {t(`helpItems.${key}`)}
            </li>
          ))}
          {onSubmitShortcut ? <li>{t('shortcut')}</li> : null}
        </ul>
      </details>
    </div>
  );
}
