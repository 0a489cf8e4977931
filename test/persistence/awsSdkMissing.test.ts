import { Logger } from '../../lambda/logging/logger';
import { launchRequest } from '../support/envelopes';

/*
 * Its own file: it loads the persistence module afresh inside a test, which the mutation run must
 * leave out (stryker.config.mjs), since it would run every module-level line of what it loads.
 */

const TABLE = 'playlist-pal-listeners';
const logs: Array<Record<string, unknown>> = [];

describe('DynamoDbPersistenceAdapter without the AWS SDK', () => {
  it('says the SDK could not be loaded, and tries again on the next call', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@aws-sdk/lib-dynamodb', () => {
        throw new Error("Cannot find module '@aws-sdk/lib-dynamodb'");
      });
      const { DynamoDbPersistenceAdapter: Isolated, StoreUnavailable: IsolatedUnavailable } = await import('../../lambda/persistence');
      const logger = new Logger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
      const isolated = new Isolated({ tableName: TABLE, callTimeoutMs: 200, logger });

      await expect(isolated.getAttributes(launchRequest())).rejects.toThrow(IsolatedUnavailable);
      await expect(isolated.getAttributes(launchRequest())).rejects.toThrow(/AWS SDK v3 .* could not be loaded/);
      jest.dontMock('@aws-sdk/lib-dynamodb');
    });
  });
});
