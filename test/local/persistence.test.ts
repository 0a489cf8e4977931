import { startLocalPersistence } from '../../local/persistence/localPersistence';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';
import { spokenText } from '../support/responses';

describe('npm start remembers the listener in an embedded DynamoDB', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('plays it again in a later session, and shows the stored item in the admin state', async () => {
    const simulator = await local.simulator();
    expect(spokenText((await simulator.say('play rock and roll')).response)).toBe('Playing Rock & Roll <Live> on Kitchen Echo.');
    local.runtime.demo.account.playback = { deviceId: null, contextUri: null, isPlaying: false };

    const again = await simulator.say('play it again');
    const state = await local.admin('GET', '/admin/state');

    expect(again.resolution).toMatchObject({ kind: 'intent', name: 'PlayLastPlaylistIntent' });
    expect(spokenText(again.response)).toBe('Playing Rock & Roll <Live> on Kitchen Echo.');
    expect(state.status).toBe(200);
    expect((state.json as { remembered: unknown[] }).remembered).toEqual([
      {
        id: simulator.userId,
        attributes: {
          // The emulator linked this user, and the skill recorded when (SkillAccountLinked).
          linkedAt: expect.any(String),
          lastPlaylist: { id: '1a2b3c4d5e6f7g8h9i0jRR', name: 'Rock & Roll <Live>', uri: 'spotify:playlist:1a2b3c4d5e6f7g8h9i0jRR' },
          lastDevice: { id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0', name: 'Kitchen Echo' },
        },
        expiresAt: expect.any(Number),
        version: expect.any(Number),
      },
    ]);
  });

  it('configures the skill with the embedded table, on a loopback port', () => {
    expect(local.runtime.config.persistenceTableName).toBe('playlist-pal-listeners');
    expect(local.runtime.persistence.table?.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('the local run without the embedded table', () => {
  it('runs stateless with LOCAL_PERSISTENCE=off, even with a table name set', async () => {
    const persistence = await startLocalPersistence({ LOCAL_PERSISTENCE: 'off', PERSISTENCE_TABLE_NAME: 'mine' });

    expect(persistence.table).toBeUndefined();
    expect(persistence.env).toEqual({ PERSISTENCE_TABLE_NAME: undefined });
    expect(persistence.description).toMatch(/^off/);
  });

  it('leaves a table of your own at AWS_ENDPOINT_URL_DYNAMODB to the AWS SDK, as on Lambda', async () => {
    const persistence = await startLocalPersistence({ AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', PERSISTENCE_TABLE_NAME: 'mine' });

    expect(persistence.table).toBeUndefined();
    expect(persistence.env).toEqual({});
    expect(persistence.overrides).toEqual({});
    expect(persistence.description).toBe('table mine at http://127.0.0.1:8000 (AWS_ENDPOINT_URL_DYNAMODB)');
  });

  it('says it is stateless when that endpoint comes without a table name', async () => {
    const persistence = await startLocalPersistence({ AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' });

    expect(persistence.description).toBe('off (PERSISTENCE_TABLE_NAME is not set)');
  });
});
