import { builtInsFor, type SpokenBuiltIns } from './builtInPhrases';
import type { LanguageModel } from './interactionModel';

/** What Alexa would make of a typed utterance. */
export type Resolution =
  | { readonly kind: 'launch' }
  | { readonly kind: 'exit' }
  /** Nothing said after the reprompt: Alexa ends the session. */
  | { readonly kind: 'silence' }
  | {
      readonly kind: 'intent';
      readonly name: string;
      /** Every slot the intent declares; undefined when the words did not fill it. */
      readonly slots: Readonly<Record<string, string | undefined>>;
      /** "Ask playlist pal to …" opens a new session even if one is open. */
      readonly newSession?: boolean;
    };

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

/** The slot a skill asked for with Dialog.ElicitSlot: the next answer fills it. */
export interface ElicitedSlot {
  readonly intent: string;
  readonly slot: string;
  /** The other slots' values, as the directive's updatedIntent carried them. */
  readonly filled: Readonly<Record<string, string | undefined>>;
}

/** Built-ins that still work while Alexa waits for a slot, as on a device. */
const INTERRUPTING_INTENTS = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.HelpIntent', 'AMAZON.NavigateHomeIntent']);

interface SlottedPattern {
  readonly intent: string;
  readonly regex: RegExp;
  readonly slotNames: readonly string[];
  /** Characters outside the slots: the more of them a sample matched, the more specific it is. */
  readonly literalLength: number;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const HAS_PLACEHOLDER = /\{\w+\}/;

/** Lower case, typographic apostrophes made plain, sentence punctuation dropped, single spaces. */
export function normaliseUtterance(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[,.!?;:¿¡«»“”„"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What typed words and samples are compared as: accents dropped letter by letter, so that typing
 * "cuales son mis playlists" finds "cuáles son mis playlists", and a hyphen between letters read
 * as the space the models write ("joue-la" meets "joue {playlist}", "parle-moi" meets "parle
 * moi"). Each character stays one character, so a slot's value is cut from the words as typed,
 * accents and hyphens and all.
 */
function foldForMatching(text: string): string {
  return [...text]
    .map((character) => (character.length === 1 ? character.normalize('NFD').charAt(0) : character))
    .join('')
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSample(intent: string, sample: string): SlottedPattern {
  const slotNames: string[] = [];
  const parts = normaliseUtterance(sample.replace(PLACEHOLDER, ' {$1} ')).split(/(\{\w+\})/);
  const source = parts
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part);
      if (slot === null) return escapeRegex(part.trim());
      slotNames.push(slot[1]!);
      return '(.+?)';
    })
    .filter((part) => part !== '')
    .join(' ');
  const literalLength = parts.filter((part) => !/^\{\w+\}$/.test(part)).join('').replace(/\s/g, '').length;
  return { intent, regex: new RegExp(`^${foldForMatching(source)}$`, 'd'), slotNames, literalLength };
}

/**
 * Turns typed words into the intent and slots Alexa would send, from the interaction model's
 * samples (with `{slot}` placeholders) and the usual phrasings of the built-in intents.
 * Words that match nothing become AMAZON.FallbackIntent, as on a device.
 */
export class UtteranceResolver {
  private readonly exact = new Map<string, string>();
  private readonly slotted: SlottedPattern[] = [];
  private readonly slotsOf = new Map<string, readonly string[]>();
  /** Per `intent.slot`, the slot's own samples ("I meant {playlist}"), most specific first. */
  private readonly slotAnswers = new Map<string, SlottedPattern[]>();
  private readonly launch: RegExp;
  private readonly oneShot: RegExp;
  /** Words allowed between the invocation name and a request, folded ("to ", "que ", "d'"). */
  private readonly connecting: readonly string[];

  private readonly builtIns: SpokenBuiltIns;

  constructor(model: LanguageModel, locale = 'en-US') {
    this.builtIns = builtInsFor(locale);
    for (const intent of model.intents) {
      this.slotsOf.set(intent.name, (intent.slots ?? []).map((slot) => slot.name));
      for (const slot of intent.slots ?? []) {
        const answers = (slot.samples ?? []).filter((sample) => HAS_PLACEHOLDER.test(sample)).map((sample) => compileSample(intent.name, sample));
        this.slotAnswers.set(`${intent.name}.${slot.name}`, answers.sort((a, b) => b.literalLength - a.literalLength));
      }
      for (const sample of [...(intent.samples ?? []), ...(this.builtIns.intents[intent.name] ?? [])]) {
        const words = foldForMatching(normaliseUtterance(sample));
        if (HAS_PLACEHOLDER.test(sample)) this.slotted.push(compileSample(intent.name, sample));
        else if (!this.exact.has(words)) this.exact.set(words, intent.name);
      }
    }
    this.slotted.sort((a, b) => b.literalLength - a.literalLength);
    const invocation = escapeRegex(normaliseUtterance(model.invocationName));
    const { open, openAfter, ask, connecting, openAnd } = this.builtIns;
    const anyOf = (words: readonly string[]) => `(?:${words.map((word) => escapeRegex(word)).join('|')})`;
    const launches = [`${anyOf(open)} ${invocation}`, ...(openAfter.length > 0 ? [`${invocation} ${anyOf(openAfter)}`] : [])];
    this.launch = new RegExp(foldForMatching(`^(?:${launches.join('|')})$`));
    const requests = [`${anyOf(ask)} ${invocation} (.+)`];
    if (openAnd !== undefined) requests.push(`${anyOf(open)} ${invocation} ${escapeRegex(openAnd)} (.+)`);
    this.oneShot = new RegExp(foldForMatching(`^(?:${requests.join('|')})$`), 'd');
    this.connecting = connecting.map((word) => foldForMatching(word.endsWith("'") ? word : `${word} `));
  }

  /** What was typed, normalised, and the same without accents for matching; "alexa" in front dropped from both. */
  private heard(utterance: string): { words: string; folded: string } {
    const words = normaliseUtterance(utterance).replace(/^alexa /, '');
    return { words, folded: foldForMatching(words) };
  }

  resolve(utterance: string): Resolution {
    const { words, folded } = this.heard(utterance);
    if (this.launch.test(folded)) return { kind: 'launch' };
    const oneShot = this.oneShot.exec(folded);
    if (oneShot !== null) {
      const span = oneShot.indices?.slice(1).find((indices) => indices !== undefined);
      const inner = this.resolveRequest(span === undefined ? words : words.slice(span[0]));
      return inner.kind === 'intent' ? { ...inner, newSession: true } : inner;
    }
    return this.resolveWords(words);
  }

  /**
   * The request after "ask playlist pal": without a connecting word ("to", "que") when that makes
   * sense of it, else as said ("pregunta a playlist pal qué playlists tengo" keeps its "qué").
   */
  private resolveRequest(request: string): Resolution {
    const connector = this.connecting.find((word) => foldForMatching(request).startsWith(word));
    const stripped = connector === undefined ? undefined : this.resolveWords(request.slice(connector.length).trim());
    if (stripped !== undefined && !(stripped.kind === 'intent' && stripped.name === FALLBACK_INTENT)) return stripped;
    return this.resolveWords(request);
  }

  /**
   * What Alexa makes of an answer after the skill asked for one slot: the same intent with the
   * slot filled from the slot's samples (or, failing those, from all the words), unless the
   * words are a launch, an exit, a built-in such as "stop" or "help", or a whole sample of one of
   * the model's own intents ("play workout 2", "list my playlists"): Alexa switches to that intent.
   */
  resolveSlotAnswer(utterance: string, elicited: ElicitedSlot): Resolution {
    const usual = this.resolve(utterance);
    if (usual.kind !== 'intent' || usual.newSession === true || INTERRUPTING_INTENTS.has(usual.name)) return usual;
    if (!usual.name.startsWith('AMAZON.')) return usual;
    const { words, folded } = this.heard(utterance);
    const answer = (this.slotAnswers.get(`${elicited.intent}.${elicited.slot}`) ?? [])
      .map((pattern) => ({ pattern, match: pattern.regex.exec(folded) }))
      .find(({ match }) => match !== null);
    const index = answer?.pattern.slotNames.indexOf(elicited.slot) ?? -1;
    const value = index >= 0 && answer?.match != null ? captured(words, answer.match, index + 1) : words;
    return this.intent(elicited.intent, { ...definedOnly(elicited.filled), [elicited.slot]: value ?? words });
  }

  private resolveWords(words: string): Resolution {
    const folded = foldForMatching(words);
    if (this.builtIns.exit.some((phrase) => foldForMatching(phrase) === folded)) return { kind: 'exit' };
    const exact = this.exact.get(folded);
    if (exact !== undefined) return this.intent(exact, {});
    for (const pattern of this.slotted) {
      const match = pattern.regex.exec(folded);
      if (match === null) continue;
      const filled: Record<string, string> = {};
      pattern.slotNames.forEach((name, index) => {
        filled[name] = captured(words, match, index + 1);
      });
      return this.intent(pattern.intent, filled);
    }
    return this.intent(FALLBACK_INTENT, {});
  }

  private intent(name: string, filled: Record<string, string>): Resolution {
    const slots: Record<string, string | undefined> = {};
    for (const slot of this.slotsOf.get(name) ?? []) slots[slot] = filled[slot];
    return { kind: 'intent', name, slots };
  }
}

/** A group of a match on the unaccented words, cut from the words as typed (same length, letter for letter). */
function captured(words: string, match: RegExpExecArray, group: number): string {
  const span = match.indices?.[group];
  return (span === undefined ? match[group] ?? '' : words.slice(span[0], span[1])).trim();
}

function definedOnly(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
