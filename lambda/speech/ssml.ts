/**
 * Escapes user content (playlist names, device names) for SSML, exactly once. The SDK's
 * escapeXmlCharacters un-escapes first, which would mangle a name that really contains "&amp;".
 */
export function escapeSsml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Alexa rejects speech and card text over 8,000 characters; names are far shorter, but not guaranteed. */
const MAX_NAME_CHARS = 120;

export function clip(text: string, max = MAX_NAME_CHARS): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
