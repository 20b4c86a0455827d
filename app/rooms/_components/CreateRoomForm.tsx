'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { IconArrowRight } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { createRoomAction } from '../actions';
import { roomActionError } from './error-messages';
import { useAfterRender } from '@/app/_components/use-after-render';

const VISIBILITIES = ['public', 'members', 'invite-only'] as const;
type Visibility = (typeof VISIBILITIES)[number];
const KINDS = ['meeting', 'lesson', 'care'] as const;
type Kind = (typeof KINDS)[number];

export function CreateRoomForm() {
  const t = useTranslations('rooms');
  const te = useTranslations('errors');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [visibility, setVisibility] = useState<Visibility>('members');
  const [kind, setKind] = useState<Kind>('meeting');
  const [pending, startTransition] = useTransition();
  const [navigating, setNavigating] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      title: String(form.get('title') ?? ''),
      visibility: String(form.get('visibility') ?? ''),
      capacity: String(form.get('capacity') ?? ''),
      kind: String(form.get('kind') ?? 'meeting'),
      lobby: form.get('lobby') === 'on',
    };
    startTransition(async () => {
      const result = await createRoomAction(input);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, roomActionError(code, t, te)])));
        afterRender(() =>
          formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus(),
        );
        return;
      }
      setErrors({});
      setNavigating(true);
      router.push(`/rooms/${result.slug}`);
    });
  }

  const busy = pending || navigating;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={busy}>
      {errors.form ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{errors.form}</Alert>
        </div>
      ) : null}
      <TextField
        label={t('create.title')}
        name="title"
        required
        maxLength={120}
        autoComplete="off"
        placeholder={t('create.titlePlaceholder')}
        error={errors.title}
      />
      <SelectField
        label={t('create.kind')}
        name="kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
        options={KINDS.map((value) => ({ value, label: t(`create.kinds.${value}`) }))}
        hint={t(`create.kindHints.${kind}`)}
        error={errors.kind}
      />
      {kind === 'care' ? (
        <p className="rounded-lg bg-fjord-50 px-3 py-2 text-sm text-fjord-800">{t('create.lobbyCareHint')}</p>
      ) : (
        <>
          <SelectField
            label={t('create.visibility')}
            name="visibility"
            value={visibility}
            onChange={(event) => setVisibility(event.target.value as Visibility)}
            options={VISIBILITIES.map((value) => ({ value, label: t(`visibility.${value}.label`) }))}
            hint={t(`visibility.${visibility}.hint`)}
            error={errors.visibility}
          />
          <label className="flex items-center gap-3 text-sm text-ink">
            <input type="checkbox" name="lobby" defaultChecked={false} className="size-5 accent-fjord-600" />
            {t('create.lobby')}
          </label>
        </>
      )}
      {kind === 'care' ? <input type="hidden" name="visibility" value="invite-only" /> : null}
      <TextField
        label={t('create.capacity')}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={2}
        max={500}
        step={1}
        defaultValue={50}
        hint={t('create.capacityHint')}
        error={errors.capacity}
        inputClassName="max-w-32"
      />
      <Button type="submit" loading={busy} iconEnd={busy ? undefined : <IconArrowRight size={18} />} className="mt-1 self-start">
        {busy ? t('create.submitting') : t('create.submit')}
      </Button>
    </form>
  );
}
