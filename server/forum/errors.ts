export type ForumErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'locked'
  | 'rate_limited'
  | 'duplicate'
  | 'suspended';

const STATUS: Record<ForumErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  suspended: 403,
  not_found: 404,
  locked: 409,
  duplicate: 409,
  rate_limited: 429,
};

/** A refusal the user should understand; routes turn it into a status and a localised message. */
export class ForumError extends Error {
  constructor(
    readonly code: ForumErrorCode,
    readonly details: { fields?: Record<string, string>; retryInMs?: number } = {},
  ) {
    super(code);
    this.name = 'ForumError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}
