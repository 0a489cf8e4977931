import type * as z from 'zod/mini';
import type { Deadline } from './deadline';
import { NotFound } from './errors';
import { isSpotifyId } from './ids';
import { collectPages, pageWithinLimits, type PageRequest } from './paging';
import { RetryGate } from './retryGate';
import type * as schemas from './schemas';
import { SpotifyTransport, type CallContext, type SchemaPick, type SpotifyRequest, type TransportOptions } from './transport';
import type { Device, Page, PlaylistDetails, PlaylistSummary, UserProfile } from './types';

/** How a caller obtains the user's token; Alexa hands one over with every request. */
export type AccessTokenProvider = () => string;

/** The Spotify operations the skill uses, grouped by resource, for one user and one deadline. */
export interface SpotifyApi {
  readonly users: {
    currentProfile(): Promise<UserProfile>;
  };
  readonly playlists: {
    /** One page of the user's playlists (`GET /me/playlists`); limit and offset are brought within Spotify's limits. */
    listMine(page: PageRequest): Promise<Page<PlaylistSummary>>;
    /** Up to `max` of the user's playlists (Infinity: all): the first page, then the rest together, as far as the deadline allows. */
    listAllMine(max: number): Promise<Page<PlaylistSummary>>;
    get(playlistId: string): Promise<PlaylistDetails>;
  };
  readonly player: {
    devices(): Promise<readonly Device[]>;
    /** Starts `contextUri` on `deviceId`, or on the active device when none (or a blank one) is given. */
    play(contextUri: string, deviceId?: string): Promise<void>;
  };
}

export type SpotifyClientOptions = TransportOptions;

/**
 * Pages of a walk in flight at once after the first. 300 playlists, the most a spoken name is
 * matched against, are six pages of 50: the first tells the total, the other five go together.
 * The keep-alive agent then holds at most this many connections to Spotify for the container's life.
 */
export const PAGE_CONCURRENCY = 5;

/**
 * The client facade: created once per container (it owns the keep-alive connections), then
 * bound to a user's token and the request's deadline for each Alexa request.
 */
export class SpotifyClient {
  private readonly transport: SpotifyTransport;

  constructor(options: SpotifyClientOptions) {
    this.transport = new SpotifyTransport(options);
  }

  forUser(token: AccessTokenProvider, deadline: Deadline): SpotifyApi {
    const transport = this.transport;
    const gate = new RetryGate();
    const context = (): CallContext => ({ accessToken: token(), deadline, gate });
    const call = <S extends z.ZodMiniType>(request: SpotifyRequest, pick: SchemaPick<S>) => transport.call(request, pick, context());

    const listMine = async (page: PageRequest): Promise<Page<PlaylistSummary>> => {
      const { limit, offset } = pageWithinLimits(page);
      const body = await call({ operation: 'playlists.listMine', method: 'GET', path: '/me/playlists', query: { limit, offset } }, (s) => s.pagingPlaylists);
      return {
        items: body.items.map(toSummary),
        total: body.total,
        offset: body.offset,
        limit: body.limit,
        hasMore: body.next !== null && body.offset + body.items.length < body.total,
      };
    };

    return {
      users: {
        async currentProfile() {
          const body = await call({ operation: 'users.currentProfile', method: 'GET', path: '/me' }, (s) => s.privateUser);
          // Spotify sends null or an empty string when the user set no name.
          return { id: body.id, displayName: body.display_name || undefined };
        },
      },
      playlists: {
        listMine,
        listAllMine: (max) => collectPages(listMine, { max, concurrency: PAGE_CONCURRENCY, canContinue: () => transport.canStartCall(deadline) }),
        async get(playlistId) {
          // An empty id would turn `/playlists/{id}` into `/playlists/`, and ".." into `/`: no such playlist, and no call.
          if (!isSpotifyId(playlistId)) throw new NotFound('not a Spotify playlist id', { operation: 'playlists.get' });
          const body = await call(
            { operation: 'playlists.get', method: 'GET', path: `/playlists/${encodeURIComponent(playlistId)}` },
            (s) => s.playlist,
          );
          return {
            ...toSummary(body),
            description: body.description ?? undefined,
            isPublic: body.public ?? undefined,
            collaborative: body.collaborative ?? false,
            followers: body.followers?.total ?? undefined,
          };
        },
      },
      player: {
        async devices() {
          const body = await call({ operation: 'player.devices', method: 'GET', path: '/me/player/devices' }, (s) => s.devices);
          return body.devices.map((device) => ({
            id: device.id ?? undefined,
            name: device.name,
            type: device.type,
            isActive: device.is_active,
            isRestricted: device.is_restricted ?? false,
          }));
        },
        async play(contextUri, deviceId) {
          await transport.call(
            {
              operation: 'player.play',
              method: 'PUT',
              path: '/me/player/play',
              query: deviceId === undefined || deviceId.trim() === '' ? undefined : { device_id: deviceId },
              body: { context_uri: contextUri },
            },
            null,
            context(),
          );
        },
      },
    };
  }
}

/** The owner id of Spotify's own editorial and algorithmic playlists. */
const SPOTIFY_OWNER_ID = 'spotify';

function toSummary(playlist: z.infer<typeof schemas.simplifiedPlaylist>): PlaylistSummary {
  return {
    id: playlist.id,
    name: playlist.name,
    uri: playlist.uri,
    // As with the profile, a blank display name is no name. The owner's id is no stand-in: it
    // is an account identifier, often random characters, not something to say or show.
    ownerName: playlist.owner?.display_name || undefined,
    ownedBySpotify: playlist.owner?.id === SPOTIFY_OWNER_ID,
    trackCount: playlist.items?.total ?? undefined,
    snapshotId: playlist.snapshot_id ?? undefined,
  };
}
