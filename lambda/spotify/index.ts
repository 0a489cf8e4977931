export * from './client';
export * from './paging';
export * from './deadline';
export * from './errors';
export { isSpotifyId } from './ids';
export type * from './types';
export { parseRetryAfter } from './outcome';
export type { CallEvent, CallObserver } from './transport';
