/**
 * The ways a Spotify call can fail, one class per thing the user is told differently.
 * They carry the operation, the HTTP status and Spotify's own message, never a token or a header.
 */
export interface SpotifyErrorDetails {
  /** Name of the client operation, e.g. `playlists.listMine`. */
  readonly operation: string;
  readonly status?: number | undefined;
  /** `error.message` from Spotify's error object, when the body had one. */
  readonly spotifyMessage?: string | undefined;
  /** `error.reason` from Spotify's error object, e.g. `PREMIUM_REQUIRED`. */
  readonly reason?: string | undefined;
  readonly cause?: unknown;
}

export abstract class SpotifyError extends Error {
  readonly operation: string;
  readonly status: number | undefined;
  readonly spotifyMessage: string | undefined;
  readonly reason: string | undefined;

  constructor(summary: string, details: SpotifyErrorDetails) {
    const parts = [`${details.operation}: ${summary}`];
    if (details.status !== undefined) parts.push(`(HTTP ${details.status})`);
    if (details.spotifyMessage) parts.push(`- ${details.spotifyMessage}`);
    super(parts.join(' '), details.cause === undefined ? undefined : { cause: details.cause });
    this.operation = details.operation;
    this.status = details.status;
    this.spotifyMessage = details.spotifyMessage;
    this.reason = details.reason;
  }
}

/** 401: the token expired or was revoked; the user must link the account again. */
export class Unauthorized extends SpotifyError {
  override readonly name = 'Unauthorized';
}

/** 403 with reason PREMIUM_REQUIRED: the action (playback) needs a Premium subscription. */
export class PremiumRequired extends SpotifyError {
  override readonly name = 'PremiumRequired';
}

/** Any other 403: the token lacks a scope or the resource is not the user's. */
export class Forbidden extends SpotifyError {
  override readonly name = 'Forbidden';
}

/**
 * 403 "user not registered": the skill's Spotify app is in development mode and this Spotify
 * account is not on its list of users (the app's owner adds each one by hand, five at most).
 * Every call fails this way until the account is added, so it is not a refusal of one action.
 */
export class UserNotRegistered extends SpotifyError {
  override readonly name = 'UserNotRegistered';
  /** What the skill's developer must do; for the log, never for the user. */
  static readonly hint =
    "The skill's Spotify app is in development mode and this Spotify account is not one of its users: add the account's e-mail under User Management in the Spotify developer dashboard (developer.spotify.com/dashboard, your app, Settings), or get the app extended quota.";
}

/** 404 with reason NO_ACTIVE_DEVICE: nothing to play on. Not in the spec, but seen in practice. */
export class NoActiveDevice extends SpotifyError {
  override readonly name = 'NoActiveDevice';
}

/** Any other 404, e.g. a playlist that was deleted. */
export class NotFound extends SpotifyError {
  override readonly name = 'NotFound';
}

/** 429 that could not be waited out within the request's time budget. */
export class RateLimited extends SpotifyError {
  override readonly name = 'RateLimited';
  constructor(
    readonly retryAfterS: number,
    details: SpotifyErrorDetails,
  ) {
    super(`rate limited, retry after ${retryAfterS}s`, details);
  }
}

/** 5xx, refused or reset connection: Spotify could not be reached. */
export class Unavailable extends SpotifyError {
  override readonly name = 'Unavailable';
}

/** The call, or the request's whole time budget, ran out before Spotify answered. */
export class Timeout extends SpotifyError {
  override readonly name = 'Timeout';
}

/** A body that is not JSON, is truncated, or lacks what the spec promises; or a status we cannot use. */
export class BadResponse extends SpotifyError {
  override readonly name = 'BadResponse';
}
