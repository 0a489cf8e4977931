/**
 * How people say Amazon's built-in intents, and how they open a skill, per language. A real
 * model lists no samples for built-ins (Alexa brings its own), so the simulator needs these short
 * lists to resolve "yes", "stop", "ja" or "annule".
 */
export interface SpokenBuiltIns {
  readonly intents: Readonly<Record<string, readonly string[]>>;
  /** On a device, "exit" closes the skill: Alexa sends SessionEndedRequest, not an intent. */
  readonly exit: readonly string[];
  /** Words before the invocation name that open the skill ("open", "öffne", "ouvre", "abre"). */
  readonly open: readonly string[];
  /** Words after the invocation name that open it too ("playlist pal öffnen"). */
  readonly openAfter: readonly string[];
  /** Words before the name that pass it a request ("ask", "frag", "demande à", "pide a")... */
  readonly ask: readonly string[];
  /** ...and the words allowed between the name and the request ("to", "nach", "de", "que"). */
  readonly connecting: readonly string[];
  /** "öffne playlist pal und …": opens the skill with a request; undefined where the language does not say it so. */
  readonly openAnd?: string;
}

const ENGLISH: SpokenBuiltIns = {
  intents: {
    'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can you do', 'how does this work'],
    'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'be quiet', 'enough'],
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it'],
    'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please', 'sure thing', 'of course'],
    'AMAZON.NoIntent': ['no', 'nope', 'nah', 'no thanks', 'no thank you'],
    'AMAZON.NextIntent': ['next', 'next one', 'skip', 'skip ahead'],
    'AMAZON.NavigateHomeIntent': ['go home', 'home', 'go back home'],
  },
  exit: ['exit', 'alexa exit'],
  open: ['open', 'launch', 'start', 'begin', 'load', 'talk to'],
  openAfter: [],
  ask: ['ask', 'tell', 'use'],
  connecting: ['to', 'for', 'that'],
};

const GERMAN: SpokenBuiltIns = {
  intents: {
    'AMAZON.HelpIntent': ['hilfe', 'hilf mir', 'was kann ich sagen', 'was kannst du', 'wie funktioniert das'],
    'AMAZON.StopIntent': ['stopp', 'stop', 'aus', 'halt', 'sei still', 'ruhe', 'genug'],
    'AMAZON.CancelIntent': ['abbrechen', 'brich ab', 'vergiss es', 'egal', 'schon gut'],
    'AMAZON.YesIntent': ['ja', 'jawohl', 'genau', 'klar', 'na klar', 'okay', 'ok', 'gerne', 'ja bitte', 'sicher'],
    'AMAZON.NoIntent': ['nein', 'ne', 'nee', 'nö', 'nein danke'],
    'AMAZON.NextIntent': ['weiter', 'nächste', 'die nächste', 'überspringen'],
    'AMAZON.NavigateHomeIntent': ['startseite', 'zur startseite', 'zurück zum start'],
  },
  exit: ['beenden', 'alexa beenden', 'schließen'],
  open: ['öffne', 'starte', 'start', 'lade', 'beginne'],
  openAfter: ['öffnen', 'starten'],
  ask: ['frag', 'frage', 'sag', 'sage', 'bitte'],
  connecting: ['nach', 'ob', 'dass'],
  openAnd: 'und',
};

const FRENCH: SpokenBuiltIns = {
  intents: {
    'AMAZON.HelpIntent': ['aide', 'aide moi', "qu'est ce que je peux dire", 'que peux tu faire', 'comment ça marche'],
    'AMAZON.StopIntent': ['stop', 'arrête', 'tais toi', 'silence', 'ça suffit'],
    'AMAZON.CancelIntent': ['annule', 'laisse tomber', 'oublie', 'peu importe'],
    'AMAZON.YesIntent': ['oui', 'ouais', "d'accord", 'ok', 'okay', 'bien sûr', 'volontiers', "oui s'il te plaît"],
    'AMAZON.NoIntent': ['non', 'non merci', 'nan', 'pas du tout'],
    'AMAZON.NextIntent': ['suivant', 'la suite', 'passe', 'au suivant'],
    'AMAZON.NavigateHomeIntent': ['accueil', "retour à l'accueil"],
  },
  exit: ['quitte', 'quitter', 'alexa quitte', 'ferme'],
  open: ['ouvre', 'lance', 'démarre', 'commence'],
  openAfter: [],
  ask: ['demande à', 'dis à'],
  connecting: ['de', "d'", 'si', 'que', "qu'"],
  openAnd: 'et',
};

const SPANISH: SpokenBuiltIns = {
  intents: {
    'AMAZON.HelpIntent': ['ayuda', 'ayúdame', 'qué puedo decir', 'qué puedes hacer', 'cómo funciona'],
    'AMAZON.StopIntent': ['para', 'detente', 'alto', 'cállate', 'basta', 'stop'],
    'AMAZON.CancelIntent': ['cancela', 'cancelar', 'olvídalo', 'déjalo'],
    'AMAZON.YesIntent': ['sí', 'claro', 'vale', 'ok', 'okay', 'por supuesto', 'dale', 'sí por favor', 'de acuerdo'],
    'AMAZON.NoIntent': ['no', 'no gracias', 'para nada'],
    'AMAZON.NextIntent': ['siguiente', 'la siguiente', 'salta', 'pasa'],
    'AMAZON.NavigateHomeIntent': ['inicio', 've al inicio', 'volver al inicio'],
  },
  exit: ['salir', 'sal', 'alexa sal', 'cierra'],
  open: ['abre', 'inicia', 'empieza', 'lanza'],
  openAfter: [],
  ask: ['pregunta a', 'pregúntale a', 'pide a', 'pídele a', 'dile a'],
  connecting: ['que', 'si', 'por', 'para'],
  openAnd: 'y',
};

const BY_LANGUAGE: Readonly<Record<string, SpokenBuiltIns>> = { en: ENGLISH, de: GERMAN, fr: FRENCH, es: SPANISH };

/** The built-ins as said in a locale's language; English for any other. */
export function builtInsFor(locale: string): SpokenBuiltIns {
  const language = locale.slice(0, 2);
  return Object.hasOwn(BY_LANGUAGE, language) ? BY_LANGUAGE[language]! : ENGLISH;
}
