/*
 * What the web simulator's page and its server say to each other (JSON over /simulator/api/…).
 * Types only: the page's bundle and the server both import this file.
 */

export interface CardView {
  readonly type: string;
  readonly title?: string;
  /** A Simple card's content or a Standard card's text. */
  readonly text?: string;
  /** A Standard card's image URLs. */
  readonly image?: { readonly smallImageUrl?: string; readonly largeImageUrl?: string };
}

/** One APL RenderDocument directive: the page lays the document out for each viewport it shows. */
export interface ScreenView {
  readonly token: string;
  readonly document: unknown;
  readonly datasources: unknown;
}

/** Everything a person would want to see of one turn. */
export interface TurnView {
  /** How Alexa heard the words: the request type, or the intent and its slots. */
  readonly heard: string;
  readonly requestType: string;
  readonly intent?: { readonly name: string; readonly slots: Readonly<Record<string, string | null>> };
  /** What Alexa did about the account before sending the request (a refresh, a failed one). */
  readonly linkingNotes: readonly string[];
  /** Progressive responses, heard before the answer. */
  readonly progressive: readonly string[];
  /** The speech as text ('' when the skill says nothing), and as SSML for the browser's voice. */
  readonly speech: string;
  readonly reprompt: string;
  readonly card?: CardView;
  readonly screens: readonly ScreenView[];
  readonly sessionOpen: boolean;
  readonly sessionAttributes: Readonly<Record<string, unknown>>;
  readonly locale: string;
  /** The request and response envelopes, every token masked. */
  readonly raw: { readonly request: unknown; readonly response: unknown };
}

export interface LinkStepView {
  readonly step: string;
  readonly text: string;
}

export interface FaultView {
  readonly name: string;
  readonly description: string;
  readonly ms?: number;
}

/** One thing in the conversation's log, in order. */
export type Entry =
  | { readonly id: number; readonly kind: 'turn'; readonly line: string; readonly turn: TurnView }
  | { readonly id: number; readonly kind: 'reprompt'; readonly line: string; readonly text: string }
  | { readonly id: number; readonly kind: 'note'; readonly line: string; readonly text: string }
  | { readonly id: number; readonly kind: 'text'; readonly line: string; readonly text: string }
  | { readonly id: number; readonly kind: 'error'; readonly line: string; readonly text: string }
  | {
      readonly id: number;
      readonly kind: 'link';
      readonly line: string;
      /** `simulator`: the whole flow run by the simulated Alexa app; `browser`: consent given in a browser window. */
      readonly via: 'simulator' | 'browser';
      readonly linked: boolean;
      readonly status: string;
      readonly steps: readonly LinkStepView[];
      readonly problem?: string;
    }
  | { readonly id: number; readonly kind: 'faults'; readonly faults: readonly string[]; readonly slowMs?: number }
  | { readonly id: number; readonly kind: 'started'; readonly locale: string; readonly linked: boolean; readonly screen: boolean; readonly replaying?: string }
  | { readonly id: number; readonly kind: 'replayed'; readonly steps: number; readonly lines: number; readonly differing: readonly ReplayDifference[] };

export interface ReplayDifference {
  /** The step's number in the file, from 1. */
  readonly step: number;
  readonly line: string;
  readonly differences: readonly string[];
}

export interface Suggestion {
  /** What to type. */
  readonly text: string;
  /** What it is heard as. */
  readonly intent: string;
}

export interface SimulatorState {
  /** The simulated user's id, as the skill sees it (its remembered item is stored under it). */
  readonly userId: string;
  readonly locale: string;
  readonly locales: readonly string[];
  readonly screen: boolean;
  readonly sessionOpen: boolean;
  readonly linking: {
    readonly status: string;
    readonly enabled: boolean;
    /** Milliseconds until the access token expires (negative: expired; null: never; absent: no token). */
    readonly accessTokenExpiresInMs?: number | null;
    /** The template's grant type and the local authorization server, for the page to say what linking does. */
    readonly grant: string;
    /** Whether linking can run in a browser window (the authorization code grant; the implicit grant's token never reaches a server). */
    readonly browserLinking: boolean;
  };
  readonly faults: { readonly active: readonly FaultView[]; readonly available: Readonly<Record<string, string>> };
  readonly suggestions: readonly Suggestion[];
  /** Steps recorded in the conversation so far, and how many a file may hold. */
  readonly steps: number;
  readonly maxSteps: number;
  /** The last entry's id: the page asks for the entries after the ones it has. */
  readonly lastEntry: number;
}

/** The demo Spotify's state and what the listener table remembers (GET /simulator/api/demo). */
export interface DemoState {
  readonly playback: { readonly deviceId: string | null; readonly contextUri: string | null; readonly isPlaying: boolean; readonly playlist?: string };
  readonly devices: ReadonlyArray<{ readonly id: string | null; readonly name: string; readonly type: string; readonly isActive: boolean }>;
  /** The simulated user's item in the listener table; null when nothing is remembered; absent when the run has no table. */
  readonly remembered?: unknown;
}
