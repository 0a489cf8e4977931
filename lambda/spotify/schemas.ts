import * as z from 'zod/mini';

/*
 * The parts of Spotify's responses the skill relies on, checked at the boundary. Only the
 * fields we use are declared (unknown fields pass), following the spec's response schemas
 * in spec/spotify-openapi.yml; fields the spec marks nullable are nullable here too.
 */

const owner = z.object({
  id: z.optional(z.string()),
  display_name: z.optional(z.nullable(z.string())),
});

const itemsRef = z.object({ total: z.number() });

export const simplifiedPlaylist = z.object({
  id: z.string(),
  name: z.string(),
  uri: z.string(),
  description: z.optional(z.nullable(z.string())),
  public: z.optional(z.nullable(z.boolean())),
  owner: z.optional(owner),
  items: z.optional(z.nullable(itemsRef)),
  snapshot_id: z.optional(z.nullable(z.string())),
});

export const pagingPlaylists = z.object({
  items: z.array(simplifiedPlaylist),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  next: z.nullable(z.string()),
});

/** A full playlist is a simplified one and more, as in the spec. */
export const playlist = z.extend(simplifiedPlaylist, {
  collaborative: z.optional(z.boolean()),
  followers: z.optional(z.nullable(z.object({ total: z.optional(z.number()) }))),
});

export const device = z.object({
  id: z.nullable(z.string()),
  name: z.string(),
  type: z.string(),
  is_active: z.boolean(),
  is_restricted: z.optional(z.boolean()),
  volume_percent: z.optional(z.nullable(z.number())),
});

export const devices = z.object({ devices: z.array(device) });

export const privateUser = z.object({
  id: z.string(),
  display_name: z.optional(z.nullable(z.string())),
});

/** Spotify's error body; never trusted to be present or well-formed. */
export const errorBody = z.object({
  error: z.object({
    status: z.optional(z.number()),
    message: z.optional(z.string()),
    reason: z.optional(z.string()),
  }),
});
