/**
 * The demo Spotify account's data and its rendering in the shapes of spec/spotify-openapi.yml
 * (SimplifiedPlaylistObject, PlaylistObject, DeviceObject, PrivateUserObject, ErrorObject).
 */

export interface PlaylistRecord {
  id: string;
  name: string;
  description?: string | null;
  ownerId?: string;
  ownerName?: string | null;
  public?: boolean;
  collaborative?: boolean;
  trackCount: number;
  followers?: number;
}

export interface DeviceRecord {
  id: string | null;
  name: string;
  type: string;
  isActive: boolean;
  isRestricted?: boolean;
  volumePercent?: number | null;
}

export interface PlaybackState {
  deviceId: string | null;
  contextUri: string | null;
  isPlaying: boolean;
}

/** One Spotify user as the stand-in knows them. */
export interface AccountRecord {
  id: string;
  displayName: string | null;
  /** Playback needs Premium: without it PUT /me/player/play answers 403 PREMIUM_REQUIRED. */
  premium: boolean;
  playlists: PlaylistRecord[];
  devices: DeviceRecord[];
  playback: PlaybackState;
}

/**
 * The playlist's version, as Spotify's `snapshot_id`: it changes whenever the playlist does
 * (here: its name, description or number of tracks), so a test that edits a record sees a new one.
 */
export function snapshotId(playlist: PlaylistRecord): string {
  const content = JSON.stringify([playlist.name, playlist.description ?? null, playlist.trackCount]);
  let hash = 0x811c9dc5;
  for (const char of content) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return `snap${hash.toString(36)}`;
}

export function playlistUri(id: string): string {
  return `spotify:playlist:${id}`;
}

function owner(baseUrl: string, playlist: PlaylistRecord, account: AccountRecord) {
  const id = playlist.ownerId ?? account.id;
  const displayName = playlist.ownerName === undefined ? (id === account.id ? account.displayName : id) : playlist.ownerName;
  return {
    external_urls: { spotify: `https://open.spotify.com/user/${id}` },
    href: `${baseUrl}/users/${id}`,
    id,
    type: 'user' as const,
    uri: `spotify:user:${id}`,
    display_name: displayName,
  };
}

export function simplifiedPlaylistJson(baseUrl: string, playlist: PlaylistRecord, account: AccountRecord) {
  return {
    collaborative: playlist.collaborative ?? false,
    // SimplifiedPlaylistObject.description is a non-nullable string in the spec.
    description: playlist.description ?? '',
    external_urls: { spotify: `https://open.spotify.com/playlist/${playlist.id}` },
    href: `${baseUrl}/playlists/${playlist.id}`,
    id: playlist.id,
    images: [],
    name: playlist.name,
    owner: owner(baseUrl, playlist, account),
    public: playlist.public ?? true,
    snapshot_id: snapshotId(playlist),
    items: { href: `${baseUrl}/playlists/${playlist.id}/items`, total: playlist.trackCount },
    type: 'playlist',
    uri: playlistUri(playlist.id),
  };
}

export function pagingJson<T>(href: string, items: T[], offset: number, limit: number, total: number) {
  const url = (at: number) => {
    const link = new URL(href);
    link.searchParams.set('offset', String(at));
    link.searchParams.set('limit', String(limit));
    return link.toString();
  };
  return {
    href: url(offset),
    items,
    limit,
    next: offset + limit < total ? url(offset + limit) : null,
    offset,
    previous: offset > 0 ? url(Math.max(0, offset - limit)) : null,
    total,
  };
}

export function playlistItemsPage(baseUrl: string, playlist: PlaylistRecord, offset: number, limit: number) {
  const count = Math.max(0, Math.min(limit, playlist.trackCount - offset));
  const items = Array.from({ length: count }, () => ({ added_at: '2026-01-01T00:00:00Z', is_local: false }));
  return pagingJson(`${baseUrl}/playlists/${playlist.id}/items`, items, offset, limit, playlist.trackCount);
}

export function playlistJson(baseUrl: string, playlist: PlaylistRecord, account: AccountRecord) {
  return {
    ...simplifiedPlaylistJson(baseUrl, playlist, account),
    description: playlist.description === undefined ? null : playlist.description,
    followers: { href: null, total: playlist.followers ?? 0 },
    items: playlistItemsPage(baseUrl, playlist, 0, 100),
  };
}

export function deviceJson(device: DeviceRecord) {
  return {
    id: device.id,
    is_active: device.isActive,
    is_private_session: false,
    is_restricted: device.isRestricted ?? false,
    name: device.name,
    type: device.type,
    volume_percent: device.volumePercent === undefined ? 50 : device.volumePercent,
    supports_volume: true,
  };
}

export function privateUserJson(baseUrl: string, account: AccountRecord) {
  return {
    display_name: account.displayName ?? '',
    external_urls: { spotify: `https://open.spotify.com/user/${account.id}` },
    href: `${baseUrl}/users/${account.id}`,
    id: account.id,
    images: [],
    type: 'user',
    uri: `spotify:user:${account.id}`,
  };
}

export function errorJson(status: number, message: string, reason?: string) {
  return { error: reason === undefined ? { status, message } : { status, message, reason } };
}
