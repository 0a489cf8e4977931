/** Raised once, at container start, when the environment holds a value the skill cannot use. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

/** The Lambda was invoked with something that is not an Alexa request envelope at all (null, a string, an array). */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(readonly received: string) {
    super(`the event is not an Alexa request envelope (a JSON object): got ${received}`);
  }
}
