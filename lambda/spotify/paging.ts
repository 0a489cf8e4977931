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
}

/**
 * Up to `max` items, walking offsets page by page from the start. It stops early, with what it
 * has and `hasMore` set, when the next offset would pass Spotify's limit or the budget runs out;
 * a failing first page fails the whole walk, since there is nothing to show.
 */
export async function collectPages<T>(fetchPage: (page: PageRequest) => Promise<Page<T>>, { max, canContinue }: CollectOptions): Promise<Page<T>> {
  const wanted = Number.isNaN(max) ? 1 : Math.max(1, Math.floor(max));
  const items: T[] = [];
  let page = await fetchPage({ limit: Math.min(MAX_PAGE_LIMIT, wanted), offset: 0 });
  items.push(...page.items.slice(0, wanted));
  while (page.hasMore && page.items.length > 0 && items.length < wanted && items.length <= MAX_OFFSET && canContinue()) {
    try {
      page = await fetchPage({ limit: Math.min(MAX_PAGE_LIMIT, wanted - items.length), offset: items.length });
    } catch (error) {
      if (error instanceof Timeout) break;
      throw error;
    }
    items.push(...page.items.slice(0, wanted - items.length));
  }
  return { items, total: page.total, offset: 0, limit: items.length, hasMore: items.length < page.total };
}
