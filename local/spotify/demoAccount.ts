import type { AccountRecord, PlaylistRecord } from './model';

/** Not a secret: the token the demo Spotify issues to the demo account, for local runs and tests. */
export const DEMO_ACCESS_TOKEN = 'demo-access-token-not-a-secret';

/** Realistic, tricky names: symbols, accents, emoji, quotes, near-duplicates, one with no tracks and one with thousands. */
const DEMO_PLAYLISTS: readonly PlaylistRecord[] = [
  { id: '37i9dQZF1DXcBWIGoYBM5M', name: 'Morning Run', trackCount: 42, description: 'Upbeat <b>tempo</b> for the first 5k.' },
  { id: '1a2b3c4d5e6f7g8h9i0jRR', name: 'Rock & Roll <Live>', trackCount: 87 },
  { id: '2b3c4d5e6f7g8h9i0j1kCV', name: 'Chill "Vibes"', trackCount: 64, description: 'Slow down &amp; breathe.' },
  { id: '3c4d5e6f7g8h9i0j1k2lCM', name: 'Café del Mar', trackCount: 120 },
  { id: '4d5e6f7g8h9i0j1k2l3mDF', name: 'Deep Focus', trackCount: 150, ownerId: 'spotify', ownerName: 'Spotify' },
  { id: '5e6f7g8h9i0j1k2l3m4nDH', name: 'Deep House', trackCount: 75 },
  { id: '6f7g8h9i0j1k2l3m4n5oRT', name: 'Road Trip 🚗', trackCount: 58 },
  { id: '7g8h9i0j1k2l3m4n5o6pNT', name: '90s Throwbacks', trackCount: 99 },
  { id: '8h9i0j1k2l3m4n5o6p7qEM', name: 'Empty for Now', trackCount: 0, description: null },
  { id: '9i0j1k2l3m4n5o6p7q8rEV', name: 'Everything I Ever Liked', trackCount: 9_812 },
  { id: 'a0j1k2l3m4n5o6p7q8r9BE', name: 'Beyoncé Essentials', trackCount: 50, ownerId: 'spotify', ownerName: 'Spotify' },
  { id: 'b1k2l3m4n5o6p7q8r9s0SP', name: "Sunday's Pancakes", trackCount: 23, public: false },
  { id: 'c2l3m4n5o6p7q8r9s0t1LF', name: 'Lo-Fi Beats to Study To', trackCount: 200 },
  { id: 'd3m4n5o6p7q8r9s0t1u2WO', name: 'Workout', trackCount: 35 },
  { id: 'e4n5o6p7q8r9s0t1u2v3WT', name: 'Workout 2', trackCount: 31 },
  { id: 'f5o6p7q8r9s0t1u2v3w4DN', name: 'Dinner Party 🍷🍝', trackCount: 44, collaborative: true, public: false },
  { id: 'g6p7q8r9s0t1u2v3w4x5JZ', name: 'Jazz @ Midnight', trackCount: 61 },
  { id: 'h7q8r9s0t1u2v3w4x5y6KR', name: 'K-Pop Hits (2024)', trackCount: 70 },
  { id: 'i8r9s0t1u2v3w4x5y6z7SS', name: 'Songs for Sleeping 😴', trackCount: 88 },
  { id: 'j9s0t1u2v3w4x5y6z7a8RB', name: 'R&B Slow Jams', trackCount: 52 },
  { id: 'k0t1u2v3w4x5y6z7a8b9AC', name: 'Acoustic Covers', trackCount: 40 },
  { id: 'l1u2v3w4x5y6z7a8b9c0MS', name: 'Mötley Metal', trackCount: 33 },
  { id: 'm2v3w4x5y6z7a8b9c0d1SW', name: 'Summer \'25', trackCount: 47 },
  { id: 'n3w4x5y6z7a8b9c0d1e2KD', name: 'Kids Dance Party', trackCount: 29 },
  { id: 'o4x5y6z7a8b9c0d1e2f3FS', name: 'Français Classiques', trackCount: 38 },
  { id: 'p5y6z7a8b9c0d1e2f3g4PC', name: 'Podcast Queue / Later', trackCount: 12 },
  { id: 'q6z7a8b9c0d1e2f3g4h5TN', name: 'Top 50 — Global', trackCount: 50, ownerId: 'spotify', ownerName: 'Spotify' },
  { id: 'r7a8b9c0d1e2f3g4h5i6CH', name: 'Chill Mix', trackCount: 50 },
  { id: 's8b9c0d1e2f3g4h5i6j7RM', name: 'Rainy Day Mood', trackCount: 36 },
  { id: 't9c0d1e2f3g4h5i6j7k8CW', name: 'Coding Music ⌨️', trackCount: 110 },
];

/** A fresh copy of the demo account: tests and the local run may change it (playback, faults). */
export function demoAccount(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'demo-user',
    displayName: 'Demo Listener',
    premium: true,
    playlists: DEMO_PLAYLISTS.map((playlist) => ({ ...playlist })),
    devices: [
      { id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0', name: 'Kitchen Echo', type: 'Speaker', isActive: false },
      { id: 'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1', name: "Sam's MacBook", type: 'Computer', isActive: false },
    ],
    playback: { deviceId: null, contextUri: null, isPlaying: false },
    ...overrides,
  };
}
