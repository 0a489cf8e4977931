/*
 * Which of the skill's four languages a sentence is in, from the little words every sentence
 * needs ("you", "du", "vous", "tu") and the letters only one of them writes. Tests use it to
 * prove that an answer is in the listener's language, not an English fallback.
 */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'you', 'your', 'to', 'and', 'is', 'it', 'i', "i've", "i'll", "i'm", 'of', 'on', 'can', 'what', 'would', 'want', 'me', 'say', 'has', 'have', 'there', 'with', 'or', 'by', 'any'],
  de: ['und', 'du', 'dein', 'deine', 'deinem', 'deinen', 'deiner', 'ich', 'ist', 'die', 'der', 'das', 'nicht', 'auf', 'mit', 'möchtest', 'soll', 'sag', 'es', 'zu', 'hat', 'kann', 'noch', 'mal', 'oder', 'von', 'sie', 'hast', 'keine', 'dir'],
  fr: ['vous', 'votre', 'vos', 'je', 'de', 'la', 'le', 'les', 'et', 'est', 'pas', 'une', 'pour', 'que', 'sur', 'dans', 'voulez', 'ou', 'il', "j'ai", "n'ai", "c'est", "l'application", 'des', 'du', 'lance'],
  es: ['tu', 'tus', 'de', 'la', 'el', 'y', 'que', 'en', 'es', 'no', 'una', 'para', 'quieres', 'lo', 'te', 'mis', 'con', 'he', 'puedes', 'di', 'o', 'las', 'los', 'ninguna', 'ningún', 'del', 'reproduciendo'],
};
const LETTERS: Readonly<Record<string, RegExp>> = { de: /[äöüß]/gu, fr: /[éèêàçùœ]/gu, es: /[ñáíóú¿¡]/gu };

export function languageOfText(text: string): string | undefined {
  const words = text.toLowerCase().split(/[^\p{L}']+/u).filter((word) => word !== '');
  const scores = Object.entries(FUNCTION_WORDS).map(([language, list]) => {
    const letters = LETTERS[language] === undefined ? 0 : (text.toLowerCase().match(LETTERS[language]!) ?? []).length;
    return [language, words.filter((word) => list.includes(word)).length + letters] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  return best !== undefined && best[1] > 0 && best[1] > (second?.[1] ?? 0) ? best[0] : undefined;
}
