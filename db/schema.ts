import { sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  jsonb,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

// NOTE: every statement here must run on PostgreSQL 15 (the server) and 18 (PGlite).

export const userRole = pgEnum('user_role', ['member', 'host', 'moderator', 'admin']);
export const USER_ROLES = userRole.enumValues;
export type UserRole = (typeof USER_ROLES)[number];

/** Postgres' tsvector, for full-text search columns. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; see server/accounts. */
    email: text('email').notNull(),
    /** argon2id PHC string; null for accounts that only sign in through OAuth. */
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    /** Unique, lower-case name for @mentions, e.g. `ingrid.hansen`. */
    handle: text('handle').notNull(),
    homeMunicipality: text('home_municipality'),
    locale: text('locale').notNull().default('nb'),
    role: userRole('role').notNull().default('member'),
    /** Set by an admin: the user cannot post or react until then. */
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_handle_key').on(t.handle),
    check('users_handle_check', sql`${t.handle} ~ '^[a-z0-9][a-z0-9_.-]{1,29}$'`),
    check('users_locale_check', sql`${t.locale} in ('nb', 'en')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);
export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;

/** Links an OAuth identity (GitHub, Google, OIDC) to a Hubro user. */
export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);
export type OAuthAccount = InferSelectModel<typeof oauthAccounts>;

/** `venue`: a library, school or nursing home that hosts a digital studio; not in the desk directory. */
export const spaceKind = pgEnum('space_kind', ['office_hotel', 'coworking', 'business_park', 'venue']);
export const spaceStatus = pgEnum('space_status', ['pending', 'approved', 'rejected']);
export type SpaceStatus = (typeof spaceStatus.enumValues)[number];
export const AMENITIES = ['meeting_room', 'digital_studio', 'kitchen', 'parking', 'step_free'] as const;
export type Amenity = (typeof AMENITIES)[number];
export type SpaceKind = (typeof spaceKind.enumValues)[number];

/** Co-working spaces and office hotels where members can book a desk. */
export const spaces = pgTable(
  'spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kind: spaceKind('kind').notNull(),
    name: text('name').notNull(),
    municipality: text('municipality'),
    city: text('city').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    descriptionNb: text('description_nb').notNull(),
    descriptionEn: text('description_en').notNull(),
    website: text('website'),
    /** A space a host submitted stays pending until an admin approves it. */
    status: spaceStatus('status').notNull().default('pending'),
    /** IANA zone: bookings are stored in UTC and shown, and day passes counted, in this zone. */
    timeZone: text('time_zone').notNull().default('Europe/Oslo'),
    currency: text('currency').notNull().default('NOK'),
    fibreMbps: integer('fibre_mbps'),
    amenities: text('amenities').array().notNull().default(sql`'{}'::text[]`),
    /** Free text per language, e.g. "Mon–Fri 08–16, key card after hours". */
    openingHoursNb: text('opening_hours_nb'),
    openingHoursEn: text('opening_hours_en'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('norwegian', coalesce(name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(municipality, '') || ' ' || coalesce(description_nb, '')) || to_tsvector('english', coalesce(name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(municipality, '') || ' ' || coalesce(description_en, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('spaces_slug_key').on(t.slug),
    check('spaces_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('spaces_currency_check', sql`${t.currency} in ('NOK', 'EUR')`),
    index('spaces_search_idx').using('gin', t.search),
    index('spaces_status_country_idx').on(t.status, t.country),
  ],
);
export type Space = InferSelectModel<typeof spaces>;
export type NewSpace = InferInsertModel<typeof spaces>;

export const forumCategories = pgTable(
  'forum_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    nameNb: text('name_nb').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNb: text('description_nb').notNull(),
    descriptionEn: text('description_en').notNull(),
    position: integer('position').notNull().default(0),
    /** A #rrggbb colour for the category badge. */
    color: text('color').notNull(),
    /** Only this role and those above it may read and post (e.g. a staff category). */
    requiredRole: userRole('required_role'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('forum_categories_slug_key').on(t.slug),
    check('forum_categories_color_check', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);
export type ForumCategory = InferSelectModel<typeof forumCategories>;
export type NewForumCategory = InferInsertModel<typeof forumCategories>;

export const roomKind = pgEnum('room_kind', ['meeting', 'backstage', 'lesson', 'care', 'studio']);
export type RoomKind = (typeof roomKind.enumValues)[number];
export const roomVisibility = pgEnum('room_visibility', ['public', 'members', 'invite-only']);
export type RoomVisibility = (typeof roomVisibility.enumValues)[number];

/**
 * A video room. Its live state (peers, media) lives in the SFU; this row is what persists:
 * who owns it, who may enter, and how many fit.
 * - public: listed in the directory; any signed-in member with the link may join.
 * - members: not listed; any signed-in member with the link may join.
 * - invite-only: the owner, and members who arrive with a valid signed invite (remembered).
 */
export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short, unguessable id used in links (/rooms/<slug>). */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    kind: roomKind('kind').notNull().default('meeting'),
    visibility: roomVisibility('visibility').notNull().default('members'),
    capacity: integer('capacity').notNull().default(50),
    /** Newcomers wait until the host admits them (always on for care calls). */
    lobby: boolean('lobby').notNull().default(false),
    /** For a webcast's backstage room: the event whose host and performers may enter. */
    eventId: uuid('event_id').references((): AnyPgColumn => events.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rooms_slug_key').on(t.slug),
    index('rooms_owner_idx').on(t.ownerId),
    check('rooms_capacity_check', sql`${t.capacity} between 2 and 500`),
  ],
);
export type Room = InferSelectModel<typeof rooms>;
export type NewRoom = InferInsertModel<typeof rooms>;

/** Members admitted to an invite-only room (by a valid invite), so the link works again later. */
export const roomMembers = pgTable(
  'room_members',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] })],
);

// ---------------------------------------------------------------------------------------------
// Forum
// ---------------------------------------------------------------------------------------------

export const contentLanguage = pgEnum('content_language', ['nb', 'en']);
export type ContentLanguage = (typeof contentLanguage.enumValues)[number];

/** The text-search configuration of a row's own language: each post is stemmed in its language. */
const searchConfig = (language: string) => sql.raw(`(case ${language} when 'en' then 'english'::regconfig else 'norwegian'::regconfig end)`);

export const forumThreads = pgTable(
  'forum_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => forumCategories.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    language: contentLanguage('language').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    locked: boolean('locked').notNull().default(false),
    hidden: boolean('hidden').notNull().default(false),
    /** Replies + the first post, kept by the same transaction that adds a post. */
    postCount: integer('post_count').notNull().default(0),
    lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    titleSearch: tsvector('title_search').generatedAlwaysAs(sql`to_tsvector(${searchConfig('language')}, title)`),
  },
  (t) => [
    // Keyset order of a category page (pinned first, then by last activity), read backwards.
    index('forum_threads_category_order_idx').on(t.categoryId, t.pinned, t.lastPostAt, t.id),
    index('forum_threads_author_idx').on(t.authorId),
    index('forum_threads_title_search_idx').using('gin', t.titleSearch).with({ fastupdate: false }),
    // Search hashes the few hidden threads once instead of checking each match's thread.
    index('forum_threads_hidden_idx').on(t.id).where(sql`${t.hidden}`),
    check('forum_threads_title_length_check', sql`char_length(${t.title}) between 3 and 200`),
  ],
);
export type ForumThread = InferSelectModel<typeof forumThreads>;

export const forumPosts = pgTable(
  'forum_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => forumThreads.id, { onDelete: 'cascade' }),
    /** 1 for the opening post, then 2, 3, … in the order posts were committed. */
    number: integer('number').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    language: contentLanguage('language').notNull(),
    body: text('body').notNull(),
    /** Sanitised HTML rendered from `body` when it was written. */
    html: text('html').notNull(),
    replyToId: uuid('reply_to_id'),
    /** Hidden by a moderator: kept, but not shown to members. */
    hidden: boolean('hidden').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    bodySearch: tsvector('body_search').generatedAlwaysAs(sql`to_tsvector(${searchConfig('language')}, body)`),
    /**
     * Forum-wide order of posts (newest highest). Search ranks only the newest matches and
     * finds them by walking back through windows of `seq` (server/forum/search.ts).
     */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity({ name: 'forum_posts_seq_seq' }),
  },
  (t) => [
    uniqueIndex('forum_posts_thread_number_key').on(t.threadId, t.number),
    index('forum_posts_author_idx').on(t.authorId, t.createdAt.desc()),
    // NOTE: fastupdate off: with the pending list on, every search also scans up to 4 MB of
    // unmerged entries (gin_pending_list_limit). Posts are written rarely and read often.
    index('forum_posts_body_search_idx').using('gin', t.bodySearch).with({ fastupdate: false }),
    uniqueIndex('forum_posts_seq_key').on(t.seq),
    // Hidden posts are few; search excludes threads whose opening post is hidden through it.
    index('forum_posts_hidden_idx').on(t.threadId, t.number).where(sql`${t.hidden}`),
    check('forum_posts_body_length_check', sql`char_length(${t.body}) between 1 and 50000`),
  ],
);
export type ForumPost = InferSelectModel<typeof forumPosts>;

/**
 * The newest forum posts' search columns (the last FORUM_RECENT_WINDOW by `seq`), kept by a
 * trigger on forum_posts (migration 0010). Search looks for the newest matches here first: its
 * GIN index holds a twentieth of the forum, so a common word's posting list is short, where on
 * forum_posts reading it cost milliseconds per search. Only posts older than this window are
 * searched in forum_posts itself.
 */
export const forumRecentPosts = pgTable(
  'forum_recent_posts',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    threadId: uuid('thread_id').notNull(),
    number: integer('number').notNull(),
    authorId: uuid('author_id').notNull(),
    language: contentLanguage('language').notNull(),
    hidden: boolean('hidden').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    bodySearch: tsvector('body_search').notNull(),
  },
  (t) => [index('forum_recent_posts_body_search_idx').using('gin', t.bodySearch).with({ fastupdate: false })],
);

/** Every earlier version of an edited post. */
export const forumPostRevisions = pgTable(
  'forum_post_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPosts.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forum_post_revisions_post_idx').on(t.postId, t.createdAt)],
);

export const reactionKind = pgEnum('reaction_kind', ['like', 'heart', 'laugh', 'insightful', 'celebrate']);
export type ReactionKind = (typeof reactionKind.enumValues)[number];

export const forumReactions = pgTable(
  'forum_reactions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: reactionKind('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.kind] })],
);

/** A member follows a thread or a whole category (exactly one of the two). */
export const forumFollows = pgTable(
  'forum_follows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id').references(() => forumThreads.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(() => forumCategories.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('forum_follows_thread_key').on(t.userId, t.threadId),
    uniqueIndex('forum_follows_category_key').on(t.userId, t.categoryId),
    index('forum_follows_thread_idx').on(t.threadId),
    index('forum_follows_category_idx').on(t.categoryId),
    check('forum_follows_one_target_check', sql`(${t.threadId} is null) <> (${t.categoryId} is null)`),
  ],
);

/** How far a member has read a thread, for unread markers. */
export const forumReads = pgTable(
  'forum_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => forumThreads.id, { onDelete: 'cascade' }),
    lastReadNumber: integer('last_read_number').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export const forumFlags = pgTable(
  'forum_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('forum_flags_post_user_key').on(t.postId, t.userId),
    index('forum_flags_open_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`),
  ],
);

export const notificationKind = pgEnum('notification_kind', ['reply', 'mention', 'thread', 'moderation', 'event_live', 'study_trip']);
export type NotificationKind = (typeof notificationKind.enumValues)[number];

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    /** Who caused it, and where: enough to render the line and link to the post. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Every moderation action: who, what, when and why. */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('moderation_log_target_idx').on(t.targetType, t.targetId), index('moderation_log_created_idx').on(t.createdAt.desc())],
);

// ---------------------------------------------------------------------------------------------
// Desk booking
// ---------------------------------------------------------------------------------------------

/** The hosts of a space: they edit it and see its bookings. */
export const spaceHosts = pgTable(
  'space_hosts',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId] }), index('space_hosts_user_idx').on(t.userId)],
);

export const spacePhotos = pgTable(
  'space_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** File name under DATA_DIR/uploads (re-encoded, metadata stripped). */
    file: text('file').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('space_photos_space_idx').on(t.spaceId, t.position)],
);

/** The host community panel: what a municipality offers people who move there. */
export const hostCommunities = pgTable(
  'host_communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: text('country').notNull(),
    municipality: text('municipality').notNull(),
    broadbandNb: text('broadband_nb'),
    broadbandEn: text('broadband_en'),
    schoolNb: text('school_nb'),
    schoolEn: text('school_en'),
    kindergartenNb: text('kindergarten_nb'),
    kindergartenEn: text('kindergarten_en'),
    healthCareNb: text('health_care_nb'),
    healthCareEn: text('health_care_en'),
    transportNb: text('transport_nb'),
    transportEn: text('transport_en'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('host_communities_place_key').on(t.country, t.municipality)],
);

export const resourceKind = pgEnum('resource_kind', ['hot_desk', 'fixed_desk', 'private_office', 'meeting_room', 'studio']);
export type ResourceKind = (typeof resourceKind.enumValues)[number];
export const bookingTerm = pgEnum('booking_term', ['hour', 'day', 'week', 'month']);
export type BookingTerm = (typeof bookingTerm.enumValues)[number];

/** Something bookable in a space, with its rules. Prices are in minor units (øre/cent). */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    kind: resourceKind('kind').notNull(),
    name: text('name').notNull(),
    /** Seats for hot desks; 1 for exclusive resources (fixed desks, offices, meeting rooms). */
    capacity: integer('capacity').notNull().default(1),
    priceHour: integer('price_hour'),
    priceDay: integer('price_day'),
    priceWeek: integer('price_week'),
    priceMonth: integer('price_month'),
    /** Shortest and longest booking, in minutes. */
    minMinutes: integer('min_minutes').notNull().default(60),
    maxMinutes: integer('max_minutes').notNull().default(60 * 24 * 31),
    /** How far ahead one may book. */
    advanceDays: integer('advance_days').notNull().default(90),
    /** ISO weekdays it is open, 1 = Monday … 7 = Sunday. */
    openWeekdays: integer('open_weekdays').array().notNull().default(sql`'{1,2,3,4,5}'::int[]`),
    /** Local opening hours for hourly bookings, minutes after midnight. */
    opensAt: integer('opens_at').notNull().default(8 * 60),
    closesAt: integer('closes_at').notNull().default(17 * 60),
    blackoutDates: date('blackout_dates').array().notNull().default(sql`'{}'::date[]`),
    /** A booking may be cancelled until this many hours before it starts. */
    cancelCutoffHours: integer('cancel_cutoff_hours').notNull().default(24),
    maxActivePerUser: integer('max_active_per_user').notNull().default(5),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resources_space_idx').on(t.spaceId),
    check('resources_capacity_check', sql`${t.capacity} between 1 and 500`),
    check('resources_hours_check', sql`${t.opensAt} >= 0 and ${t.closesAt} <= 1440 and ${t.opensAt} < ${t.closesAt}`),
  ],
);
export type Resource = InferSelectModel<typeof resources>;

export const bookingStatus = pgEnum('booking_status', ['confirmed', 'cancelled']);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    term: bookingTerm('term').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Copied from the resource: exclusive bookings may never overlap (exclusion constraint). */
    exclusive: boolean('exclusive').notNull(),
    status: bookingStatus('status').notNull().default('confirmed'),
    price: integer('price'),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('bookings_resource_time_idx').on(t.resourceId, t.startsAt),
    index('bookings_user_idx').on(t.userId, t.startsAt),
    check('bookings_time_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);
export type Booking = InferSelectModel<typeof bookings>;

/** A member's private calendar feed: /api/calendar/<token>.ics (regenerate to revoke). */
export const calendarTokens = pgTable('calendar_tokens', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Webcast events
// ---------------------------------------------------------------------------------------------

export const eventStatus = pgEnum('event_status', ['scheduled', 'live', 'ended', 'canceled']);
export type EventStatus = (typeof eventStatus.enumValues)[number];
export const eventVisibility = pgEnum('event_visibility', ['public', 'members', 'unlisted']);
export const rsvpKind = pgEnum('rsvp_kind', ['going', 'interested']);

/** A scheduled concert or lecture, broadcast from a stage to an audience. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    /** Norwegian, or the one title when the event has no English one. */
    title: text('title').notNull(),
    /** The English title, when it differs; English readers see `title` otherwise. */
    titleEn: text('title_en'),
    descriptionNb: text('description_nb').notNull(),
    descriptionEn: text('description_en').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Oslo'),
    hostId: uuid('host_id')
      .notNull()
      .references(() => users.id),
    /** File name under DATA_DIR/uploads. */
    cover: text('cover'),
    visibility: eventVisibility('visibility').notNull().default('public'),
    status: eventStatus('status').notNull().default('scheduled'),
    recordingEnabled: boolean('recording_enabled').notNull().default(false),
    recordingFile: text('recording_file'),
    /** The performer the audience layout shows large (a backstage peer's user id). */
    pinnedUserId: uuid('pinned_user_id'),
    wentLiveAt: timestamp('went_live_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Stored when the event ends. */
    finalViewers: integer('final_viewers'),
    peakViewers: integer('peak_viewers'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('events_slug_key').on(t.slug),
    index('events_starts_idx').on(t.startsAt),
    index('events_status_idx').on(t.status, t.startsAt),
    check('events_time_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);
export type Event = InferSelectModel<typeof events>;

export const eventPerformers = pgTable(
  'event_performers',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: rsvpKind('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_rsvps_event_idx').on(t.eventId, t.kind)],
);

// ---------------------------------------------------------------------------------------------
// Remote lessons, digital studios and care calls
// ---------------------------------------------------------------------------------------------

/**
 * Who joined a care call and when, for the institution's own log. Nothing else about a care
 * call (chat, media, names typed in the call) is kept after it ends.
 */
export const roomAttendance = pgTable(
  'room_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    /** Null for a guest (an invited school, a kiosk). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [index('room_attendance_room_idx').on(t.roomId, t.joinedAt)],
);

/**
 * A weekly lesson series (the Spanish lessons for Brøstadbotn school): on the chosen ISO
 * weekdays at a local time in `time_zone`, from `starts_on` to `ends_on`, in its own room.
 */
export const lessonSeries = pgTable(
  'lesson_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull().default('Europe/Oslo'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: integer('weekdays').array().notNull(),
    /** Local start, minutes after midnight. */
    startMinute: integer('start_minute').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Secret of the series' calendar feed (/api/lessons/<id>/<token>.ics); regenerate to revoke. */
    feedToken: text('feed_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lesson_series_room_key').on(t.roomId),
    index('lesson_series_teacher_idx').on(t.teacherId),
    check('lesson_series_minutes_check', sql`${t.startMinute} between 0 and 1439 and ${t.durationMinutes} between 5 and 600`),
    check('lesson_series_dates_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);
export type LessonSeries = InferSelectModel<typeof lessonSeries>;

/** One date of a series cancelled, or moved to another start (and length). */
export const lessonExceptions = pgTable(
  'lesson_exceptions',
  {
    seriesId: uuid('series_id')
      .notNull()
      .references(() => lessonSeries.id, { onDelete: 'cascade' }),
    /** The local date the lesson would have been on. */
    onDate: date('on_date').notNull(),
    canceled: boolean('canceled').notNull().default(false),
    movedStartsAt: timestamp('moved_starts_at', { withTimezone: true }),
    movedDurationMinutes: integer('moved_duration_minutes'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.onDate] }),
    check('lesson_exceptions_kind_check', sql`${t.canceled} or ${t.movedStartsAt} is not null`),
  ],
);
export type LessonException = InferSelectModel<typeof lessonExceptions>;

export const venueKind = pgEnum('venue_kind', ['library', 'school', 'office_hotel', 'nursing_home', 'other']);

/**
 * A digital studio: a screen, camera and microphones at a place (a space in the directory or a
 * venue such as the library), with its own permanent room and a bookable resource.
 */
export const studios = pgTable(
  'studios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    venueKind: venueKind('venue_kind').notNull(),
    /** The space it is booked through (a directory space, or a `venue` space). */
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** Studio time is booked on this resource (kind studio, capacity 1), with its rules. */
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'restrict' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'restrict' }),
    equipmentNb: text('equipment_nb').notNull().default(''),
    equipmentEn: text('equipment_en').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('studios_slug_key').on(t.slug), uniqueIndex('studios_room_key').on(t.roomId), index('studios_space_idx').on(t.spaceId)],
);
export type Studio = InferSelectModel<typeof studios>;

/** A studio screen's device token: no personal login; only its hash is stored; revocable. */
export const kioskTokens = pgTable(
  'kiosk_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studios.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('kiosk_tokens_hash_key').on(t.tokenHash), index('kiosk_tokens_studio_idx').on(t.studioId)],
);
export type KioskToken = InferSelectModel<typeof kioskTokens>;

// ---------------------------------------------------------------------------------------------
// The knowledge hub: library, news, study trips, the agreement planner, job ads
// ---------------------------------------------------------------------------------------------

export const libraryEntryType = pgEnum('library_entry_type', ['definition', 'report', 'research_paper', 'own_publication', 'link']);
export type LibraryEntryType = (typeof libraryEntryType.enumValues)[number];
export const reviewStatus = pgEnum('review_status', ['pending', 'published', 'rejected']);
export const documentLanguage = pgEnum('document_language', ['nb', 'en', 'other']);

/**
 * A resource in the hub's library: a definition, report, research paper, own publication or
 * link, with an uploaded PDF or an external URL. Members suggest (pending); editors publish.
 * Searched with both languages' stemming: the Norwegian summary with `norwegian`, the English
 * one with `english`, and the title with both.
 */
export const libraryEntries = pgTable(
  'library_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    type: libraryEntryType('type').notNull(),
    title: text('title').notNull(),
    summaryNb: text('summary_nb'),
    summaryEn: text('summary_en'),
    authors: text('authors').notNull().default(''),
    year: integer('year'),
    documentLanguage: documentLanguage('document_language').notNull().default('nb'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** File name under DATA_DIR/uploads (a checked PDF), or null for a link. */
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    externalUrl: text('external_url'),
    status: reviewStatus('status').notNull().default('pending'),
    suggestedBy: uuid('suggested_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('norwegian', coalesce(title, '') || ' ' || coalesce(summary_nb, '') || ' ' || coalesce(authors, '')) || to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary_en, '') || ' ' || coalesce(authors, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('library_entries_slug_key').on(t.slug),
    index('library_entries_status_idx').on(t.status, t.publishedAt.desc()),
    index('library_entries_search_idx').using('gin', t.search),
    index('library_entries_tags_idx').using('gin', t.tags),
    check('library_entries_source_check', sql`${t.fileName} is not null or ${t.externalUrl} is not null`),
    check('library_entries_summary_check', sql`${t.summaryNb} is not null or ${t.summaryEn} is not null`),
  ],
);
export type LibraryEntry = InferSelectModel<typeof libraryEntries>;

/**
 * News from the hub and its spaces (what happens at the office hotel). A post in one language
 * may name its translation, so readers can switch. Hosts may post news tied to their space.
 */
export const newsPosts = pgTable(
  'news_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    language: contentLanguage('language').notNull(),
    title: text('title').notNull(),
    /** Markdown as written, and the sanitised HTML rendered from it (sanitising last). */
    body: text('body').notNull(),
    html: text('html').notNull(),
    /** File name under DATA_DIR/uploads. */
    cover: text('cover'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    /** The same story in the other language. */
    translationOf: uuid('translation_of').references((): AnyPgColumn => newsPosts.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('news_posts_slug_key').on(t.slug),
    index('news_posts_published_idx').on(t.publishedAt.desc()),
    index('news_posts_space_idx').on(t.spaceId, t.publishedAt.desc()),
  ],
);
export type NewsPost = InferSelectModel<typeof newsPosts>;

export const studyTripStatus = pgEnum('study_trip_status', ['received', 'planning', 'confirmed', 'declined']);
export type StudyTripStatus = (typeof studyTripStatus.enumValues)[number];

/**
 * A request for a study trip to Dyrøy. The requester follows it on a status page (by its
 * secret token); admins move it received → planning → confirmed or declined, and propose a
 * programme: days with meetings.
 */
export const studyTripRequests = pgTable(
  'study_trip_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The status page: /study-trips/status/<token>. */
    statusToken: text('status_token').notNull(),
    requesterId: uuid('requester_id').references(() => users.id, { onDelete: 'set null' }),
    organisation: text('organisation').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    groupSize: integer('group_size').notNull(),
    wantedFrom: date('wanted_from').notNull(),
    wantedTo: date('wanted_to').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    /** Key people or institutions they want to meet (the municipality, the office hotel, …). */
    meetWishes: text('meet_wishes').notNull().default(''),
    locale: contentLanguage('locale').notNull().default('nb'),
    /** May be shown as a recent visit once confirmed. */
    consentPublic: boolean('consent_public').notNull().default(false),
    status: studyTripStatus('status').notNull().default('received'),
    /** [{ date, items: [{ time, title, with, place }] }] */
    programme: jsonb('programme'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('study_trip_requests_token_key').on(t.statusToken),
    index('study_trip_requests_status_idx').on(t.status, t.createdAt),
    check('study_trip_requests_group_check', sql`${t.groupSize} between 1 and 500`),
    check('study_trip_requests_dates_check', sql`${t.wantedFrom} <= ${t.wantedTo}`),
  ],
);
export type StudyTripRequest = InferSelectModel<typeof studyTripRequests>;

/** Status changes and messages on a study-trip request, oldest first. */
export const studyTripEvents = pgTable(
  'study_trip_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => studyTripRequests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: studyTripStatus('from_status'),
    toStatus: studyTripStatus('to_status'),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('study_trip_events_request_idx').on(t.requestId, t.createdAt)],
);

/**
 * A remote-work agreement being drafted by an employee and an employer. The owner shares a
 * link (share token); the first other account to open it becomes the partner, and both edit.
 */
export const agreementDrafts = pgTable(
  'agreement_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shareToken: text('share_token').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').references(() => users.id, { onDelete: 'set null' }),
    language: contentLanguage('language').notNull().default('nb'),
    title: text('title').notNull().default(''),
    /** The planner's answers, step by step (validated with zod on every save). */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('agreement_drafts_share_key').on(t.shareToken), index('agreement_drafts_owner_idx').on(t.ownerId)],
);
export type AgreementDraft = InferSelectModel<typeof agreementDrafts>;

/** An employer: members belong to it, and it owns its job ads. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    website: text('website'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_slug_key').on(t.slug)],
);
export type Organisation = InferSelectModel<typeof organisations>;

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);

/** anywhere: work from anywhere; norway: anywhere in Norway; hub: from a hub near you. */
export const jobLocationMode = pgEnum('job_location_mode', ['anywhere', 'norway', 'hub']);

/** A place-independent job ad, owned by an organisation; gone from lists after `expires_at`. */
export const jobAds = pgTable(
  'job_ads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    language: contentLanguage('language').notNull(),
    /** Markdown and its sanitised HTML. */
    description: text('description').notNull(),
    html: text('html').notNull(),
    locationMode: jobLocationMode('location_mode').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** How the team meets (e.g. "two days a month in Tromsø"). */
    teamMeets: text('team_meets').notNull().default(''),
    applyUrl: text('apply_url'),
    applyEmail: text('apply_email'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector((case language when 'en' then 'english'::regconfig else 'norwegian'::regconfig end), coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(team_meets, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('job_ads_slug_key').on(t.slug),
    index('job_ads_expires_idx').on(t.expiresAt),
    index('job_ads_org_idx').on(t.organisationId),
    index('job_ads_search_idx').using('gin', t.search),
    check('job_ads_apply_check', sql`${t.applyUrl} is not null or ${t.applyEmail} is not null`),
  ],
);
export type JobAd = InferSelectModel<typeof jobAds>;

/** Co-working spaces a job ad recommends. */
export const jobAdSpaces = pgTable(
  'job_ad_spaces',
  {
    jobAdId: uuid('job_ad_id')
      .notNull()
      .references(() => jobAds.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.jobAdId, t.spaceId] })],
);
