import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowRight, IconGraduation, IconMusic, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { listOwnedRooms, listPublicRooms, type RoomListing } from '@/server/rooms/rooms';
import { getRuntime } from '@/server/runtime';
import { CreateRoomForm } from './_components/CreateRoomForm';
import { IconPlus } from './_components/room-icons';
import { RoomCard } from './_components/RoomCard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('rooms.directory');
  return { title: t('metaTitle'), description: t('lead') };
}

export default async function RoomsPage() {
  const [t, user] = await Promise.all([getTranslations('rooms'), getCurrentUser()]);
  const { db } = getRuntime();
  const [publicRooms, ownRooms] = await Promise.all([
    listPublicRooms(db),
    user ? listOwnedRooms(db, user.id) : Promise.resolve([] as RoomListing[]),
  ]);

  if (!user) {
    return (
      <Container size="wide" className="flex flex-col gap-12 py-10 sm:py-14 lg:gap-16">
        <PageHeader eyebrow={t('directory.eyebrow')} title={t('directory.titleGuest')} lead={t('directory.leadGuest')} />
        <ul className="grid gap-4 md:grid-cols-3" aria-label={t('directory.usesLabel')}>
          <UseCase icon={<IconUsers size={24} />} title={t('uses.colleagues.title')} body={t('uses.colleagues.body')} />
          <UseCase icon={<IconGraduation size={24} />} title={t('uses.lessons.title')} body={t('uses.lessons.body')} />
          <UseCase icon={<IconMusic size={24} />} title={t('uses.studios.title')} body={t('uses.studios.body')} />
        </ul>
        <section
          aria-labelledby="rooms-cta"
          className="surface-dark relative overflow-hidden rounded-2xl bg-fjord-900 px-6 py-8 text-fjord-50 shadow-lg sm:px-10 sm:py-10"
        >
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 bg-[radial-gradient(30rem_14rem_at_85%_0%,rgb(143_220_196/0.25),transparent_70%)]"
          />
          <div className="relative flex flex-col gap-6 md:flex-row md:items-center md:justify-between">
            <div className="max-w-xl">
              <h2 id="rooms-cta" className="text-xl font-semibold text-white sm:text-2xl">
                {t('directory.ctaTitle')}
              </h2>
              <p className="mt-2 text-fjord-100">{t('directory.ctaBody')}</p>
            </div>
            <div className="flex flex-col gap-3 sm:flex-row">
              <ButtonLink href="/sign-in?callbackUrl=%2Frooms" variant="inverse" iconEnd={<IconArrowRight size={16} />}>
                {t('directory.signIn')}
              </ButtonLink>
              <ButtonLink href="/sign-up?callbackUrl=%2Frooms" variant="inverseOutline">
                {t('directory.signUp')}
              </ButtonLink>
            </div>
          </div>
        </section>
        <RoomList
          id="open-rooms"
          title={t('directory.openRooms')}
          lead={t('directory.openRoomsLeadGuest')}
          rooms={publicRooms}
          empty={<EmptyState icon={<IconVideo size={28} />} headingLevel={3} title={t('directory.openEmptyTitle')} body={t('directory.openEmptyBodyGuest')} />}
        />
      </Container>
    );
  }

  return (
    <Container size="wide" className="flex flex-col gap-10 py-10 sm:py-14">
      <PageHeader eyebrow={t('directory.eyebrow')} title={t('directory.title')} lead={t('directory.lead')} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)] lg:items-start xl:gap-10">
        <Card as="section" aria-labelledby="create-room" className="lg:sticky lg:top-24">
          <div className="mb-5 flex items-center gap-3">
            <span aria-hidden="true" className="flex size-10 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700">
              <IconPlus size={22} />
            </span>
            <h2 id="create-room" className="text-lg font-semibold text-ink">
              {t('create.heading')}
            </h2>
          </div>
          <CreateRoomForm />
        </Card>
        <div className="flex min-w-0 flex-col gap-10">
          <RoomList
            id="own-rooms"
            title={t('directory.ownRooms')}
            rooms={ownRooms}
            showOwner={false}
            empty={<EmptyState icon={<IconVideo size={28} />} headingLevel={3} title={t('directory.ownEmptyTitle')} body={t('directory.ownEmptyBody')} />}
          />
          <RoomList
            id="open-rooms"
            title={t('directory.openRooms')}
            lead={t('directory.openRoomsLead')}
            rooms={publicRooms}
            empty={<EmptyState icon={<IconUsers size={28} />} headingLevel={3} title={t('directory.openEmptyTitle')} body={t('directory.openEmptyBody')} />}
          />
        </div>
      </div>
    </Container>
  );
}

function UseCase({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <Card as="li">
      <span aria-hidden="true" className="flex size-11 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700">
        {icon}
      </span>
      <h2 className="mt-4 text-lg font-semibold text-ink">{title}</h2>
      <p className="mt-1.5 text-ink-muted">{body}</p>
    </Card>
  );
}

function RoomList({
  id,
  title,
  lead,
  rooms,
  empty,
  showOwner,
}: {
  id: string;
  title: string;
  lead?: string;
  rooms: RoomListing[];
  empty: ReactNode;
  showOwner?: boolean;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <div>
        <h2 id={id} className="text-xl font-semibold text-ink">
          {title}
          {rooms.length > 0 ? <span className="ml-2 text-base font-normal text-ink-muted">({rooms.length})</span> : null}
        </h2>
        {lead ? <p className="mt-1 text-ink-muted">{lead}</p> : null}
      </div>
      {rooms.length > 0 ? (
        <ul className="flex flex-col gap-3">
          {rooms.map((room) => (
            <RoomCard key={room.id} room={room} showOwner={showOwner} />
          ))}
        </ul>
      ) : (
        empty
      )}
    </section>
  );
}
