export * from './client';
export * from './deadline';
export * from './errors';
export type * from './types';
export { parseRetryAfter } from './transport';
