'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useUpload } from '@/app/_components/use-upload';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { FileField } from '@/app/_components/ui/FileField';
import { ProgressBar } from '@/app/_components/ui/ProgressBar';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { MarkdownEditor } from '@/app/forum/_components/MarkdownEditor';
import { useAfterRender } from '@/app/_components/use-after-render';

/** Must match server/spaces/hosting.ts PHOTO_MAX_BYTES (covers are re-encoded like space photos). */
const COVER_MAX_BYTES = 5 * 1024 * 1024;
const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export interface NewsFormValues {
  id?: string;
  language: 'nb' | 'en';
  title: string;
  body: string;
  spaceId: string;
  translationOf: string;
  cover: string | null;
}

type Errors = Partial<Record<'language' | 'title' | 'body' | 'spaceId' | 'translationOf' | 'cover' | 'form', string>>;

/**
 * Writes or edits a news post: Markdown with the forum's editor (its preview is the server's
 * sanitised rendering), the space it belongs to (hosts must pick one of theirs), the post it
 * translates, and a cover image sent with upload progress.
 */
export function NewsForm({
  initial,
  spaces,
  spaceRequired,
  translatable,
}: {
  initial: NewsFormValues;
  spaces: Array<{ id: string; name: string }>;
  spaceRequired: boolean;
  translatable: Array<{ id: string; title: string; language: 'nb' | 'en' }>;
}) {
  const t = useTranslations('news.form');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const coverRef = useRef<HTMLInputElement>(null);
  const afterRender = useAfterRender();
  const [language, setLanguage] = useState(initial.language);
  const [body, setBody] = useState(initial.body);
  const [errors, setErrors] = useState<Errors>({});
  const upload = useUpload();

  const candidates = translatable.filter((p) => p.language !== language && p.id !== initial.id);

  function checkCover(file: File | undefined): string | undefined {
    if (!file) return undefined;
    if (!COVER_TYPES.includes(file.type)) return t('coverType');
    if (file.size > COVER_MAX_BYTES) return t('coverTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) });
    return undefined;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set('language', language);
    form.set('body', body);
    const cover = coverRef.current?.files?.[0];
    if (!cover) form.delete('cover');
    const next: Errors = {};
    if (String(form.get('title') ?? '').trim().length < 3) next.title = t('titleRequired');
    if (!body.trim()) next.body = t('bodyRequired');
    if (spaceRequired && !form.get('spaceId')) next.spaceId = t('spaceRequired');
    const coverError = checkCover(cover);
    if (coverError) next.cover = coverError;
    setErrors(next);
    if (Object.keys(next).length) {
      afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const result = await upload.send<{ post: { slug: string } }>(initial.id ? `/api/hub/news/${initial.id}` : '/api/hub/news', form, {
      method: initial.id ? 'PATCH' : 'POST',
      fallbackMessage: t('failed'),
    });
    if (!result.ok) {
      upload.done();
      if (result.error.code === 'aborted') return;
      const fields = result.error.fields ?? {};
      setErrors(Object.keys(fields).length ? (fields as Errors) : { form: result.error.message });
      afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
      return;
    }
    router.push(`/hub/news/${encodeURIComponent(result.data.post.slug)}`);
    router.refresh();
  }

  const { uploading, percent } = upload;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-busy={uploading} className="flex flex-col gap-5">
      {errors.form ? (
        <Alert tone="error">
          <span tabIndex={-1} data-form-error="">
            {errors.form}
          </span>
        </Alert>
      ) : null}
      <TextField label={t('title')} name="title" defaultValue={initial.title} required minLength={3} maxLength={200} error={errors.title} />
      <MarkdownEditor id="news-body" label={t('body')} value={body} onChange={setBody} language={language} onLanguageChange={setLanguage} error={errors.body} languageError={errors.language} />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label={t('space')}
          name="spaceId"
          defaultValue={initial.spaceId}
          hint={spaceRequired ? t('spaceHintHost') : t('spaceHint')}
          error={errors.spaceId}
          placeholder={spaceRequired ? t('chooseSpace') : t('wholeHub')}
          options={spaces.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          label={t('translationOf')}
          name="translationOf"
          defaultValue={initial.translationOf}
          hint={t('translationHint')}
          error={errors.translationOf}
          placeholder={t('noTranslation')}
          options={candidates.map((p) => ({ value: p.id, label: p.title }))}
        />
      </div>
      <div className="flex flex-col gap-3">
        {initial.cover ? <img src={`/uploads/${initial.cover}`} alt="" className="h-28 w-48 rounded-lg object-cover ring-1 ring-sand-200" /> : null}
        <FileField
          ref={coverRef}
          label={t('cover')}
          optional
          name="cover"
          accept={COVER_TYPES.join(',')}
          disabled={uploading}
          hint={initial.cover ? t('coverReplaceHint') : t('coverHint')}
          error={errors.cover}
          onChange={(event) => setErrors((prev) => ({ ...prev, cover: checkCover(event.target.files?.[0]) }))}
        />
      </div>
      {uploading ? <ProgressBar percent={percent} label={t('progressLabel')} status={percent < 100 ? t('progress', { percent }) : t('processing')} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={uploading}>
          {initial.id ? t('save') : t('publish')}
        </Button>
        {uploading ? (
          <Button variant="ghost" onClick={upload.abort}>
            {t('abort')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
