/** Spoken descriptions stay short: about two sentences. */
export const MAX_DESCRIPTION_CHARS = 200;
/**
 * How much of Spotify's description HTML is read at all: Spotify limits descriptions to 300
 * characters, which links and escapes may make a few times longer; the rest is never spoken.
 */
const MAX_DESCRIPTION_HTML_CHARS = 4000;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Cuts at a sentence end when one is near the limit, else at a word, and marks the cut. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentenceEnd >= max / 2) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${(wordEnd >= max / 2 ? head.slice(0, wordEnd) : head).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * A Spotify description as a person would read it: Spotify sends HTML (links, tags, escaped
 * characters); this keeps the text, decodes the characters and shortens it.
 */
export function plainDescription(html: string | undefined, max = MAX_DESCRIPTION_CHARS): string | undefined {
  if (html === undefined) return undefined;
  // Clipped before any pattern runs: a description is Spotify's to size. A tag ends at the next
  // "<" too, so a run of "<" costs one step each, not a scan to the end of the text each.
  const bounded = html.slice(0, MAX_DESCRIPTION_HTML_CHARS);
  const text = decodeEntities(bounded.replace(/<br\s*\/?>/gi, ' ').replace(/<[^<>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : shorten(text, max);
}

/** Ends text with a full stop unless it already ends a sentence, so the next sentence does not run into it. */
export function asSentence(text: string): string {
  return /[.!?…]["')\]]*$/.test(text) ? text : `${text}.`;
}
