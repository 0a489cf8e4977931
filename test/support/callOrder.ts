import type { RecordedRequest } from '../../local/spotify/standIn';

/*
 * What the stand-in's record says about the order of calls, never how long they took: each
 * request has the moment it arrived and the moment its answer was done on one shared counter.
 */

/** Each started before the other was answered: neither waited for the other. */
export function inFlightTogether(a: RecordedRequest, b: RecordedRequest): boolean {
  return a.started < (b.ended ?? Infinity) && b.started < (a.ended ?? Infinity);
}

/** `later` reached Spotify only once `earlier` had been answered. */
export function startedAfter(later: RecordedRequest, earlier: RecordedRequest): boolean {
  return earlier.ended !== undefined && later.started > earlier.ended;
}

/** The most requests that were in flight at one moment. */
export function mostInFlight(requests: readonly RecordedRequest[]): number {
  const moments = requests.flatMap((request) => [
    { at: request.started, change: 1 },
    { at: request.ended ?? Infinity, change: -1 },
  ]);
  let current = 0;
  let most = 0;
  for (const { change } of moments.sort((a, b) => a.at - b.at)) {
    current += change;
    most = Math.max(most, current);
  }
  return most;
}

/**
 * Round trips one after another: the longest chain of requests in which each reached Spotify
 * only after the one before it had been answered. The critical path, counted in calls.
 */
export function sequentialDepth(requests: readonly RecordedRequest[]): number {
  const ordered = [...requests].sort((a, b) => a.started - b.started);
  const depth: number[] = [];
  ordered.forEach((request, index) => {
    const before = ordered.slice(0, index).map((earlier, at) => (startedAfter(request, earlier) ? depth[at]! : 0));
    depth.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depth);
}
