'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { FileField } from '@/app/_components/ui/FileField';
import { ProgressBar } from '@/app/_components/ui/ProgressBar';
import { TextField } from '@/app/_components/ui/TextField';
import { uploadPhoto } from '../../_lib/spaces-api';
import { IconImage, IconUpload } from '../../_components/space-icons';
import { useAfterRender } from '@/app/_components/use-after-render';

export interface PhotoView {
  id: string;
  url: string;
  alt: string;
}

/** Must match server/spaces/hosting.ts (PHOTO_MAX_BYTES and the sniffed types); checked here first to save a 5 MB upload. */
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The space's photos and an upload with a progress bar (the server re-encodes and strips metadata). */
export function PhotoManager({ spaceId, photos }: { spaceId: string; photos: PhotoView[] }) {
  const t = useTranslations('spaces.hostPhotos');
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const afterRender = useAfterRender();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [alt, setAlt] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ photo?: string; alt?: string; form?: string }>({});
  const [announcement, setAnnouncement] = useState('');
  const abortRef = useRef<(() => void) | null>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  useEffect(() => () => abortRef.current?.(), []);

  function choose(next: File | null) {
    setErrors({});
    setAnnouncement('');
    setFile(next);
    setPreview(next && TYPES.includes(next.type) ? URL.createObjectURL(next) : null);
    if (next && !TYPES.includes(next.type)) setErrors({ photo: t('wrongType') });
    else if (next && next.size > MAX_BYTES) setErrors({ photo: t('tooLarge', { size: (next.size / 1024 / 1024).toFixed(1) }) });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextErrors: typeof errors = {};
    if (!file) nextErrors.photo = t('chooseFile');
    else if (!TYPES.includes(file.type)) nextErrors.photo = t('wrongType');
    else if (file.size > MAX_BYTES) nextErrors.photo = t('tooLarge', { size: (file.size / 1024 / 1024).toFixed(1) });
    if (!alt.trim()) nextErrors.alt = t('altRequired');
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length || !file) {
      afterRender(() => document.querySelector<HTMLElement>('#photo-form [aria-invalid="true"]')?.focus());
      return;
    }
    setProgress(0);
    const upload = uploadPhoto(spaceId, file, alt.trim(), setProgress, t('uploadFailed'));
    abortRef.current = upload.abort;
    const result = await upload.done;
    abortRef.current = null;
    setProgress(null);
    if (!result.ok) {
      if (result.error.code === 'aborted') return;
      setErrors({ photo: result.error.fields?.photo, form: result.error.fields?.photo ? undefined : result.error.message });
      return;
    }
    setAnnouncement(t('uploaded'));
    setFile(null);
    setPreview(null);
    setAlt('');
    if (fileRef.current) fileRef.current.value = '';
    router.refresh();
  }

  const uploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <div className="flex flex-col gap-6">
      {photos.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {photos.map((photo, index) => (
            <li key={photo.id} className="overflow-hidden rounded-xl border border-sand-200 bg-white">
              <img src={photo.url} alt={photo.alt} className="aspect-[4/3] w-full object-cover" loading="lazy" />
              <p className="px-3 py-2 text-xs text-ink-muted">
                {index === 0 ? <strong className="mr-1 text-fjord-700">{t('cover')}</strong> : null}
                {photo.alt || t('noAlt')}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState headingLevel={3} icon={<IconImage size={28} />} title={t('emptyTitle')} body={t('emptyBody')} />
      )}

      <form id="photo-form" onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-2xl border border-sand-200 bg-sand-25 p-4 sm:p-5" aria-busy={uploading}>
        <h3 className="text-base font-semibold text-ink">{t('uploadHeading')}</h3>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <FileField
            ref={fileRef}
            className="flex-1"
            label={t('file')}
            accept={TYPES.join(',')}
            disabled={uploading}
            hint={t('fileHint')}
            error={errors.photo}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
          {preview ? <img src={preview} alt="" className="h-28 w-40 shrink-0 rounded-lg object-cover ring-1 ring-sand-200" /> : null}
        </div>
        <TextField label={t('alt')} value={alt} onChange={(event) => setAlt(event.target.value)} maxLength={200} hint={t('altHint')} error={errors.alt} disabled={uploading} required />
        {uploading ? (
          <ProgressBar percent={percent} label={t('progressLabel')} status={percent < 100 ? t('progress', { percent }) : t('processing')} />
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" loading={uploading} iconStart={<IconUpload size={18} />}>
            {t('upload')}
          </Button>
          {uploading ? (
            <Button variant="ghost" onClick={() => abortRef.current?.()}>
              {t('abort')}
            </Button>
          ) : null}
        </div>
        <p aria-live="polite" className="text-sm font-medium text-success-700 empty:sr-only">
          {announcement}
        </p>
      </form>
    </div>
  );
}
