/** What a browser would submit from a consent page: the form's action and its hidden fields. */
export interface ConsentForm {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  /** The choices the page offers as submit buttons (`name=value`), e.g. decision=allow. */
  readonly buttons: ReadonlyArray<{ readonly name: string; readonly value: string; readonly label: string }>;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-z-]+)="([^"]*)"/gi)) found[match[1]!.toLowerCase()] = decodeEntities(match[2]!);
  return found;
}

/** The first POST form of a page, read as a browser without JavaScript reads it; undefined when there is none. */
export function readConsentForm(html: string): ConsentForm | undefined {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (form === null) return undefined;
  const formAttributes = attributes(form[0].slice(0, form[0].indexOf('>') + 1));
  if ((formAttributes.method ?? 'get').toLowerCase() !== 'post') return undefined;
  const fields: Record<string, string> = {};
  for (const input of form[1]!.matchAll(/<input\b[^>]*>/gi)) {
    const { type, name, value } = attributes(input[0]);
    if (type === 'hidden' && name !== undefined) fields[name] = value ?? '';
  }
  const buttons = [...form[1]!.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map((button) => {
    const { name = '', value = '' } = attributes(button[1]!);
    return { name, value, label: decodeEntities(button[2]!.replace(/<[^>]*>/g, '').trim()) };
  });
  return { action: formAttributes.action ?? '', fields, buttons };
}

/** A page's visible text, for saying what an error page said. */
export function pageText(html: string): string {
  return decodeEntities(html.replace(/<(script|style|title)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
