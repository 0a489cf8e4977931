/**
 * How people usually say Amazon's built-in intents. A real model lists no samples for them
 * (Alexa brings its own), so the simulator needs this short list to resolve "yes" or "stop".
 */
export const BUILT_IN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can you do', 'how does this work'],
  'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'be quiet', 'enough'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it'],
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please', 'sure thing', 'of course'],
  'AMAZON.NoIntent': ['no', 'nope', 'nah', 'no thanks', 'no thank you'],
  'AMAZON.NextIntent': ['next', 'next one', 'skip', 'skip ahead'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home', 'go back home'],
};

/** On a device, "exit" closes the skill: Alexa sends SessionEndedRequest, not an intent. */
export const EXIT_PHRASES: readonly string[] = ['exit', 'alexa exit'];
