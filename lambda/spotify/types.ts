/** What the client returns: plain objects in the skill's terms, with honest optionality. */

export interface PlaylistSummary {
  readonly id: string;
  readonly name: string;
  /** `spotify:playlist:…`, what playback takes as `context_uri`. */
  readonly uri: string;
  readonly ownerName: string | undefined;
  /** Owned by Spotify itself (owner id `spotify`): editorial and algorithmic playlists, which new apps may not read. */
  readonly ownedBySpotify?: boolean;
  /** Number of items, when Spotify said. */
  readonly trackCount: number | undefined;
  /** The playlist's version: it changes whenever the playlist does. */
  readonly snapshotId: string | undefined;
}

export interface PlaylistDetails extends PlaylistSummary {
  /** Spotify's description as given (it may contain HTML); undefined when there is none. */
  readonly description: string | undefined;
  /** undefined when Spotify says the status is not relevant. */
  readonly isPublic: boolean | undefined;
  readonly collaborative: boolean;
  readonly followers: number | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly hasMore: boolean;
}

export interface Device {
  /** Spotify may withhold the id of some devices; such a device cannot be targeted. */
  readonly id: string | undefined;
  readonly name: string;
  readonly type: string;
  readonly isActive: boolean;
  readonly isRestricted: boolean;
}

export interface UserProfile {
  readonly id: string;
  readonly displayName: string | undefined;
}
