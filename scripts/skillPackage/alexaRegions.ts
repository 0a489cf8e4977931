/*
 * Where Alexa sends a locale's requests, and where the skill's code must run to answer them close
 * by. Alexa has three endpoint regions, each serving fixed locales (developer.amazon.com, "Deploy
 * your skill to multiple regions"); a skill gives each region its own endpoint in
 * manifest.apis.custom.regions, or Alexa uses manifest.apis.custom.endpoint for it.
 */
export type AlexaRegion = 'NA' | 'EU' | 'FE';

export const ALEXA_REGION_NAMES: Readonly<Record<AlexaRegion, string>> = { NA: 'North America', EU: 'Europe', FE: 'Far East' };

/** The Alexa region whose endpoint receives each locale's requests. */
export const ALEXA_REGION_OF_LOCALE: Readonly<Record<string, AlexaRegion>> = {
  'en-US': 'NA', 'en-CA': 'NA', 'fr-CA': 'NA', 'es-MX': 'NA', 'es-US': 'NA', 'pt-BR': 'NA',
  'en-GB': 'EU', 'en-IN': 'EU', 'hi-IN': 'EU', 'de-DE': 'EU', 'fr-FR': 'EU', 'it-IT': 'EU', 'es-ES': 'EU',
  'en-AU': 'FE', 'ja-JP': 'FE',
};

/**
 * The AWS region that serves each Alexa region: the one Amazon recommends for its Lambda
 * endpoints, and the ASK CLI's own default for each (skill-infrastructure-controller's map).
 */
export const AWS_REGION_OF_ALEXA_REGION: Readonly<Record<AlexaRegion, string>> = { NA: 'us-east-1', EU: 'eu-west-1', FE: 'us-west-2' };

/**
 * The ask-resources.json `code` entry that deploys for an Alexa region: North America is served by
 * `default` (the manifest's top-level endpoint, which also catches any region without its own),
 * the others by an entry of their own name.
 */
export function codeEntryOf(region: AlexaRegion): string {
  return region === 'NA' ? 'default' : region;
}

/** The Alexa regions that serve `locales`, in NA, EU, FE order, and the locales of each. */
export function servingRegions(locales: readonly string[]): Map<AlexaRegion, string[]> {
  const served = new Map<AlexaRegion, string[]>();
  for (const region of ['NA', 'EU', 'FE'] as const) {
    const own = locales.filter((locale) => ALEXA_REGION_OF_LOCALE[locale] === region);
    if (own.length > 0) served.set(region, own);
  }
  return served;
}
