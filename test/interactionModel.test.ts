import interactionModel from '../skill-package/interactionModels/custom/en-US.json';
import enUS from '../lambda/i18n/locales/en-US.json';

const model = interactionModel.interactionModel;

describe('the interaction model', () => {
  it.each([
    ['PlayPlaylistIntent', enUS.translation.playlistName.askPlay],
    ['PlaylistDetailsIntent', enUS.translation.playlistName.askDetails],
  ])('lets the skill ask for the playlist of %s, in the words the skill speaks', (intentName, sentence) => {
    const dialogIntent = model.dialog.intents.find((intent) => intent.name === intentName);
    const promptId = dialogIntent?.slots.find((slot) => slot.name === 'playlist')?.prompts.elicitation;
    const prompt = model.prompts.find((candidate) => candidate.id === promptId);

    expect(dialogIntent?.delegationStrategy).toBe('SKILL_RESPONSE');
    expect(prompt?.variations.map((variation) => variation.value)).toEqual([sentence]);
  });

  it('accepts a bare playlist name as the answer when the slot is asked for', () => {
    for (const name of ['PlayPlaylistIntent', 'PlaylistDetailsIntent']) {
      const slot = model.languageModel.intents.find((intent) => intent.name === name)?.slots?.find((candidate) => candidate.name === 'playlist');
      expect(slot).toMatchObject({ type: 'PlaylistName', samples: expect.arrayContaining(['{playlist}']) });
    }
  });
});
