export * from './dynamoDbPersistenceAdapter';
export * from './errors';
