import { parseArgs } from 'node:util';

export interface AskOptions {
  /** `--profile NAME`, handed to the ASK CLI as it is; unset, the CLI resolves the profile itself. */
  readonly profile?: string;
  /** `--use-global-ask`: the `ask` on PATH instead of the pinned one. */
  readonly useGlobalAsk: boolean;
  readonly help: boolean;
  /** `--ignore-hash` (deploy only): upload the skill package even when it has not changed. */
  readonly ignoreHash: boolean;
}

export type ParsedOptions = { ok: true; options: AskOptions } | { ok: false; message: string };

/** The options `npm run deploy -- …` and `npm run link:configure -- …` accept; anything else is refused in one sentence. */
export function parseAskOptions(args: readonly string[], { ignoreHash }: { ignoreHash: boolean }): ParsedOptions {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: {
        profile: { type: 'string', short: 'p' },
        'use-global-ask': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...(ignoreHash ? { 'ignore-hash': { type: 'boolean' as const } } : {}),
      },
      strict: true,
      allowPositionals: false,
    });
    const profile = typeof values.profile === 'string' ? values.profile.trim() : undefined;
    if (profile === '') return { ok: false, message: '--profile needs a profile name after it.' };
    return {
      ok: true,
      options: {
        ...(profile !== undefined ? { profile } : {}),
        useGlobalAsk: values['use-global-ask'] === true,
        help: values.help === true,
        ignoreHash: (values as Record<string, unknown>)['ignore-hash'] === true,
      },
    };
  } catch (error) {
    return { ok: false, message: `${(error as Error).message.replace(/\.$/, '')}; see --help.` };
  }
}

/**
 * The options of a command that prints `usage` for --help: the options to go on with, or the exit
 * code once --help (0) or a wrong option (2) has been answered.
 */
export function optionsOrExitCode(args: readonly string[], usage: string, allowed: { ignoreHash: boolean }, out: (line: string) => void, err: (line: string) => void): AskOptions | number {
  const parsed = parseAskOptions(args, allowed);
  if (!parsed.ok) {
    err(parsed.message);
    return 2;
  }
  if (parsed.options.help) {
    out(usage);
    return 0;
  }
  return parsed.options;
}
