'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { MarkdownEditor } from '../_components/MarkdownEditor';
import { useApiCall } from '../_components/use-api-call';
import { threadHref } from '../_lib/paths';
import type { CategoryOption, PostLanguage } from '../_lib/types';
import { useAfterRender } from '@/app/_components/use-after-render';

/** Title, category and first post; on success the new thread opens. */
export function NewThreadForm({
  categories,
  initialCategoryId,
  language: uiLanguage,
  titleMin,
  titleMax,
}: {
  categories: CategoryOption[];
  initialCategoryId: string;
  language: PostLanguage;
  titleMin: number;
  titleMax: number;
}) {
  const t = useTranslations('forum.newThread');
  const te = useTranslations('forum.editor');
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [categoryId, setCategoryId] = useState(initialCategoryId);
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState<PostLanguage>(uiLanguage);
  const [done, setDone] = useState(false);
  const { call, pending, error, fields, waitSeconds } = useApiCall();
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (pending || done || waitSeconds > 0) return;
    const result = await call<{ threadId: string }>('/api/forum/threads', { body: { categoryId, title, body, language } });
    if (result.ok) {
      setDone(true);
      router.push(threadHref(result.data.threadId));
      return;
    }
    afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
  }

  const selected = categories.find((c) => c.id === categoryId);
  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} className="flex flex-col gap-5" noValidate aria-busy={pending}>
      {error && !error.fields ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone={error.retryInSeconds ? 'warning' : 'error'}>{error.message}</Alert>
        </div>
      ) : null}
      <TextField
        label={t('titleLabel')}
        name="title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        hint={t('titleHint', { min: titleMin, max: titleMax })}
        required
        minLength={titleMin}
        maxLength={titleMax}
        lang={language}
        autoFocus
        error={fields.title}
      />
      <SelectField
        label={t('category')}
        name="categoryId"
        value={categoryId}
        onChange={(event) => setCategoryId(event.target.value)}
        placeholder={t('categoryPlaceholder')}
        required
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        error={fields.categoryId}
      />
      <MarkdownEditor
        id="new-thread-editor"
        label={t('bodyLabel')}
        value={body}
        onChange={setBody}
        language={language}
        onLanguageChange={setLanguage}
        error={fields.body}
        languageError={fields.language}
        placeholder={t('bodyPlaceholder')}
        onSubmitShortcut={() => void submit()}
      />
      <div className="flex flex-col-reverse gap-2 border-t border-sand-200 pt-5 sm:flex-row sm:justify-end">
        <ButtonLink href={selected ? `/forum/c/${selected.slug}` : '/forum'} variant="ghost">
          {t('cancel')}
        </ButtonLink>
        <Button type="submit" loading={pending || done} disabled={waitSeconds > 0}>
          {waitSeconds > 0 ? te('waitRetry', { seconds: waitSeconds }) : pending || done ? t('submitting') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
