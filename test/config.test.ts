import { DEFAULT_SPOTIFY_API_BASE_URL, loadConfig } from '../lambda/config';
import { ConfigurationError } from '../lambda/errors';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      spotifyApiBaseUrl: DEFAULT_SPOTIFY_API_BASE_URL,
      skillId: undefined,
      logLevel: 'info',
      requestBudgetMs: 6500,
      spotifyCallTimeoutMs: 3000,
      persistenceTableName: undefined,
      persistenceTimeoutMs: 1000,
    });
  });

  it('reads and normalises the variables', () => {
    const config = loadConfig({
      SPOTIFY_API_BASE_URL: 'http://127.0.0.1:3001/v1/',
      SKILL_ID: 'amzn1.ask.skill.1234-abcd',
      LOG_LEVEL: 'DEBUG',
      REQUEST_BUDGET_MS: '5000',
      SPOTIFY_TIMEOUT_MS: '2000',
      PERSISTENCE_TABLE_NAME: ' playlist-pal-listeners ',
      PERSISTENCE_TIMEOUT_MS: '400',
    });
    expect(config).toEqual({
      spotifyApiBaseUrl: 'http://127.0.0.1:3001/v1',
      skillId: 'amzn1.ask.skill.1234-abcd',
      logLevel: 'debug',
      requestBudgetMs: 5000,
      spotifyCallTimeoutMs: 2000,
      persistenceTableName: 'playlist-pal-listeners',
      persistenceTimeoutMs: 400,
    });
  });

  it.each([
    ['SPOTIFY_API_BASE_URL', 'not a url', /SPOTIFY_API_BASE_URL: is not an absolute URL/],
    ['SPOTIFY_API_BASE_URL', 'ftp://example.com', /must use http or https/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: "loud" is not one of debug, info, warn, error, silent/],
    ['SKILL_ID', 'my-skill', /SKILL_ID: "my-skill" is not an Alexa skill id/],
    ['REQUEST_BUDGET_MS', '9000', /REQUEST_BUDGET_MS: "9000" must be a whole number/],
    ['SPOTIFY_TIMEOUT_MS', 'soon', /SPOTIFY_TIMEOUT_MS/],
    ['PERSISTENCE_TABLE_NAME', 'my table!', /PERSISTENCE_TABLE_NAME: "my table!" is not a DynamoDB table name/],
    ['PERSISTENCE_TABLE_NAME', 'ab', /is not a DynamoDB table name/],
    ['PERSISTENCE_TIMEOUT_MS', '0', /PERSISTENCE_TIMEOUT_MS: "0" must be a whole number/],
  ])('fails clearly on a bad %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('takes a table ARN as DynamoDB does', () => {
    const arn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/playlist-pal-listeners';

    expect(loadConfig({ PERSISTENCE_TABLE_NAME: arn }).persistenceTableName).toBe(arn);
  });

  it('refuses a Spotify URL with credentials in it, without repeating them', () => {
    const load = () => loadConfig({ SPOTIFY_API_BASE_URL: 'https://me:s3cret@api.example.com/v1' });

    expect(load).toThrow('SPOTIFY_API_BASE_URL: https://api.example.com/v1 must not carry a user name or password');
    expect(load).not.toThrow(/s3cret/);
  });

  it.each([['//me:s3cret@api.example.com/v1'], ['me:s3cret@api.example.com/v1']])('never repeats a malformed URL that may hold a password (%s)', (value) => {
    const load = () => loadConfig({ SPOTIFY_API_BASE_URL: value });

    expect(load).toThrow(ConfigurationError);
    expect(load).not.toThrow(/s3cret/);
  });
});
