import type { OpenAPIV3 } from 'openapi-types';
import * as z from 'zod/mini';
import * as schemas from '../../lambda/spotify/schemas';
import { loadSpotifySpec, type SpotifySpec } from './spotifySpec';

type SpecSchema = OpenAPIV3.SchemaObject;

/** The spec's properties of `schema`, with those of its allOf parts merged in. */
function propertiesOf(schema: SpecSchema): Record<string, SpecSchema> {
  const merged: Record<string, SpecSchema> = {};
  for (const part of (schema.allOf ?? []) as SpecSchema[]) Object.assign(merged, propertiesOf(part));
  return { ...merged, ...(schema.properties as Record<string, SpecSchema> | undefined) };
}

/** What a zod value is once optional and nullable are peeled off. */
function core(schema: z.ZodMiniType): z.ZodMiniType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodMiniType };
  return (def.type === 'optional' || def.type === 'nullable') && def.innerType ? core(def.innerType) : schema;
}

/** Each field path the client reads from a body, with the problem the spec has with it, if any. */
function fieldProblems(client: z.ZodMiniType, spec: SpecSchema, at: string): string[] {
  const def = core(client)._zod.def as { type: string; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType };
  if (def.type === 'array' && def.element) return fieldProblems(def.element, ((spec as OpenAPIV3.ArraySchemaObject).items ?? {}) as SpecSchema, `${at}[]`);
  if (def.type !== 'object' || !def.shape) return [];
  const properties = propertiesOf(spec);
  return Object.entries(def.shape).flatMap(([name, field]) => {
    const property = properties[name];
    if (property === undefined) return [`${at}.${name} is not in the spec`];
    if (property.deprecated) return [`${at}.${name} is deprecated`];
    return fieldProblems(field, property, `${at}.${name}`);
  });
}

describe('the fields the client reads from Spotify', () => {
  let spec: SpotifySpec;
  beforeAll(async () => {
    spec = await loadSpotifySpec();
  });

  const component = (name: string) => spec.document.components?.schemas?.[name] as SpecSchema;
  const response = (name: string) => (spec.document.components?.responses?.[name] as OpenAPIV3.ResponseObject).content?.['application/json']?.schema as SpecSchema;

  it.each([
    ['the playlists page', schemas.pagingPlaylists, () => component('PagingPlaylistObject')],
    ['a playlist', schemas.playlist, () => component('PlaylistObject')],
    ['the devices', schemas.devices, () => response('ManyDevices')],
    ['the profile', schemas.privateUser, () => component('PrivateUserObject')],
  ])('exist in the spec and none is deprecated: %s', (_, client, specSchema) => {
    expect(fieldProblems(client, specSchema(), '')).toEqual([]);
  });

  it('include, in the error object, only the reason that the spec leaves out although Spotify sends it', () => {
    expect(fieldProblems(schemas.errorBody, response('Forbidden'), '')).toEqual(['.error.reason is not in the spec']);
  });

  it('would be caught reading a deprecated or unknown field', () => {
    const readsProduct = z.object({ id: z.string(), product: z.optional(z.string()) });
    const readsTracks = z.object({ items: z.array(z.object({ tracks: z.object({ total: z.number() }), colour: z.string() })) });

    expect(fieldProblems(readsProduct, component('PrivateUserObject'), '')).toEqual(['.product is deprecated']);
    expect(fieldProblems(readsTracks, component('PagingPlaylistObject'), '')).toEqual(['.items[].tracks is deprecated', '.items[].colour is not in the spec']);
  });
});
