import { Timeout } from './errors';
import type { Page } from './types';

/** Spotify's paging limits (spec: `limit` 1..50, default 20; `offset` at most 100,000). */
export const MAX_PAGE_LIMIT = 50;
const DEFAULT_PAGE_LIMIT = 20;
export const MAX_OFFSET = 100_000;

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/** The nearest page request Spotify accepts, so a caller's arithmetic never becomes a 400. */
export function pageWithinLimits({ limit, offset }: PageRequest): PageRequest {
  return {
    limit: Number.isNaN(limit) ? DEFAULT_PAGE_LIMIT : Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(limit))),
    offset: Number.isNaN(offset) ? 0 : Math.min(MAX_OFFSET, Math.max(0, Math.floor(offset))),
  };
}

export interface CollectOptions {
  /** Most items wanted; Infinity for as many as the limits and the budget allow. */
  readonly max: number;
  /** Asked before each further page: false when the request's budget has no room for another call. */
  readonly canContinue: () => boolean;
  /** Most pages in flight at once after the first (each may need its own connection). */
  readonly concurrency: number;
}

/**
 * Up to `max` items. The first page tells the total; the pages after it are then fetched
 * together, at most `concurrency` at a time, and put back in Spotify's order. The walk keeps
 * what has arrived, with `hasMore` set, when a later page times out or the budget leaves no room
 * for one, and never asks past Spotify's offset limit. A failing first page fails the whole walk
 * (there is nothing to show), and so does a later page failing otherwise than by a timeout: no
 * further page is started then, and the walk ends once those in flight have.
 */
export async function collectPages<T>(fetchPage: (page: PageRequest) => Promise<Page<T>>, options: CollectOptions): Promise<Page<T>> {
  const { max, canContinue, concurrency } = options;
  const wanted = Number.isNaN(max) ? 1 : Math.max(1, Math.floor(max));
  const first = await fetchPage({ limit: Math.min(MAX_PAGE_LIMIT, wanted), offset: 0 });
  const pages: Array<readonly T[] | undefined> = [first.items.slice(0, wanted)];
  const later: PageRequest[] = [];
  if (first.hasMore && first.items.length > 0) {
    const end = Math.min(wanted, first.total);
    for (let offset = first.items.length; offset < end && offset <= MAX_OFFSET; offset += MAX_PAGE_LIMIT) {
      later.push({ limit: Math.min(MAX_PAGE_LIMIT, wanted - offset), offset });
    }
  }

  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < later.length && canContinue()) {
      const index = next;
      next += 1;
      const request = later[index]!;
      try {
        pages[index + 1] = (await fetchPage(request)).items.slice(0, request.limit);
      } catch (error) {
        // A page that timed out is a gap; anything else is the walk's failure.
        if (!(error instanceof Timeout)) failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, Math.floor(concurrency) || 1), later.length) }, worker));
  if (failure !== undefined) throw failure.error;

  const items = pages.flatMap((page) => page ?? []);
  return { items, total: first.total, offset: 0, limit: items.length, hasMore: items.length < first.total };
}
