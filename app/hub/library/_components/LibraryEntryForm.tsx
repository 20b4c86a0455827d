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
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { IconUpload } from '@/app/spaces/_components/space-icons';
import { useAfterRender } from '@/app/_components/use-after-render';

/** Must match server/hub/library.ts (LIBRARY_FILE_MAX_BYTES); checked here first to spare a long upload. */
const MAX_BYTES = 20 * 1024 * 1024;
const TYPES = ['definition', 'report', 'research_paper', 'own_publication', 'link'] as const;

type Errors = Partial<Record<'type' | 'title' | 'summaryNb' | 'summaryEn' | 'authors' | 'year' | 'documentLanguage' | 'tags' | 'externalUrl' | 'file' | 'form', string>>;

/**
 * The library's entry form: editors publish with it, members suggest. The PDF goes up with
 * XMLHttpRequest so the bar shows real upload progress; the server checks it again (size,
 * %PDF- magic number) and answers with field messages in the member's language.
 */
export interface LibraryEntryValues {
  id: string;
  type: string;
  documentLanguage: string;
  title: string;
  authors: string;
  year: number | null;
  summaryNb: string | null;
  summaryEn: string | null;
  tags: string[];
  externalUrl: string | null;
  /** "PDF, 1.4 MB" when the entry has a file (a new one replaces it). */
  currentFile: string | null;
}

export function LibraryEntryForm({ editor, initial }: { editor: boolean; initial?: LibraryEntryValues }) {
  const t = useTranslations('library.form');
  const tt = useTranslations('library');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const afterRender = useAfterRender();
  const [errors, setErrors] = useState<Errors>({});
  const upload = useUpload();
  const [sent, setSent] = useState<string | null>(null);

  function focusFirstError() {
    afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
  }

  function checkFile(file: File | undefined): string | undefined {
    if (!file) return undefined;
    if (file.size > MAX_BYTES) return t('fileTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) });
    if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') return t('fileType');
    return undefined;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = fileRef.current?.files?.[0];
    if (!file) form.delete('file');
    const next: Errors = {};
    const title = String(form.get('title') ?? '').trim();
    if (title.length < 3) next.title = t('titleRequired');
    if (!String(form.get('summaryNb') ?? '').trim() && !String(form.get('summaryEn') ?? '').trim()) next.summaryNb = t('summaryRequired');
    const fileError = checkFile(file);
    if (fileError) next.file = fileError;
    if (!file && !initial?.currentFile && !String(form.get('externalUrl') ?? '').trim()) next[form.get('type') === 'link' ? 'externalUrl' : 'file'] = t('sourceRequired');
    setErrors(next);
    setSent(null);
    if (Object.keys(next).length) return focusFirstError();

    const result = await upload.send<{ entry: { id: string; slug: string; status: 'pending' | 'published' } }>(initial ? `/api/hub/library/${initial.id}` : '/api/hub/library', form, {
      method: initial ? 'PATCH' : 'POST',
      fallbackMessage: t('failed'),
    });
    if (!result.ok) {
      upload.done();
      if (result.error.code === 'aborted') return;
      const fields = result.error.fields ?? {};
      setErrors(Object.keys(fields).length ? (fields as Errors) : { form: result.error.message });
      return focusFirstError();
    }
    if (initial || result.data.entry.status === 'published') {
      router.push(`/hub/library/${encodeURIComponent(result.data.entry.slug)}`);
      return;
    }
    upload.done();
    setSent(t('suggested', { title }));
    formRef.current?.reset();
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
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label={t('type')} name="type" defaultValue={initial?.type ?? 'report'} error={errors.type} options={TYPES.map((value) => ({ value, label: tt(`types.${value}`) }))} />
        <SelectField
          label={t('documentLanguage')}
          name="documentLanguage"
          defaultValue={initial?.documentLanguage ?? 'nb'}
          error={errors.documentLanguage}
          options={(['nb', 'en', 'other'] as const).map((value) => ({ value, label: tt(`documentLanguages.${value}`) }))}
        />
      </div>
      <TextField label={t('title')} name="title" defaultValue={initial?.title} required minLength={3} maxLength={200} error={errors.title} />
      <div className="grid gap-5 sm:grid-cols-[1fr_10rem]">
        <TextField label={t('authors')} name="authors" defaultValue={initial?.authors} optional maxLength={300} error={errors.authors} hint={t('authorsHint')} />
        <TextField label={t('year')} name="year" defaultValue={initial?.year ?? undefined} optional inputMode="numeric" maxLength={4} error={errors.year} />
      </div>
      <TextArea label={t('summaryNb')} name="summaryNb" defaultValue={initial?.summaryNb ?? undefined} lang="nb" rows={4} maxLength={5000} error={errors.summaryNb} hint={t('summaryHint')} />
      <TextArea label={t('summaryEn')} name="summaryEn" defaultValue={initial?.summaryEn ?? undefined} lang="en" rows={4} maxLength={5000} error={errors.summaryEn} />
      <TextField label={t('tags')} name="tags" defaultValue={initial?.tags.join(', ')} optional maxLength={400} error={errors.tags} hint={t('tagsHint')} />

      <fieldset className="flex flex-col gap-4 rounded-2xl border border-sand-200 bg-sand-25 p-4 sm:p-5">
        <legend className="px-1 text-sm font-semibold text-ink">{t('source')}</legend>
        <p className="-mt-1 text-sm text-ink-muted">{t('sourceHint')}</p>
        <FileField
          ref={fileRef}
          label={t('file')}
          name="file"
          accept="application/pdf,.pdf"
          disabled={uploading}
          hint={initial?.currentFile ? t('fileReplaceHint', { file: initial.currentFile }) : t('fileHint')}
          error={errors.file}
          onChange={(event) => setErrors((prev) => ({ ...prev, file: checkFile(event.target.files?.[0]) }))}
        />
        <TextField label={t('externalUrl')} name="externalUrl" defaultValue={initial?.externalUrl ?? undefined} type="url" optional maxLength={1000} placeholder="https://" error={errors.externalUrl} />
      </fieldset>

      {uploading ? <ProgressBar percent={percent} label={t('progressLabel')} status={percent < 100 ? t('progress', { percent }) : t('processing')} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={uploading} iconStart={<IconUpload size={18} />}>
          {initial ? t('save') : editor ? t('publish') : t('suggest')}
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
