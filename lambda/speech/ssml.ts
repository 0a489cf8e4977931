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
export const MAX_NAME_CHARS = 120;

export function clip(text: string, max = MAX_NAME_CHARS): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Renders SSML as the plain text a person would hear (simulator, logs, tests). */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
