import { MAX_ENTITY_NAME_CHARS, MAX_ENTITY_TERMS, playlistEntitiesDirective } from '../../lambda/alexa/dynamicEntities';
import { ENGLISH, spokenForms } from '../../lambda/matching';
import { TRICKY_PLAYLIST_NAMES } from '../matching/fixtures/trickyPlaylistNames';

const playlists = (names: readonly string[]) => names.map((name, index) => ({ id: `pl${index}`, name }));

function entities(names: readonly string[]) {
  const directive = playlistEntitiesDirective(playlists(names), ENGLISH);
  return directive?.types?.[0]?.values ?? [];
}

describe('dynamic entities for playlist names', () => {
  it('replaces the PlaylistName slot type with each name as spoken, plus synonyms people say', () => {
    const directive = playlistEntitiesDirective(playlists(['Rock & Roll <Live>', '90s Throwbacks']), ENGLISH);

    expect(directive).toEqual({
      type: 'Dialog.UpdateDynamicEntities',
      updateBehavior: 'REPLACE',
      types: [
        {
          name: 'PlaylistName',
          values: [
            { id: 'pl0', name: { value: 'rock and roll live', synonyms: ['rock and roll'] } },
            { id: 'pl1', name: { value: '90s throwbacks', synonyms: ['nineties throwbacks'] } },
          ],
        },
      ],
    });
  });

  it('stays within the limit of 100 values and synonyms together, naming every playlist before any synonym', () => {
    const values = entities(TRICKY_PLAYLIST_NAMES);
    const terms = values.reduce((sum, entity) => sum + 1 + (entity.name?.synonyms?.length ?? 0), 0);

    expect(terms).toBeLessThanOrEqual(MAX_ENTITY_TERMS);
    expect(values).toHaveLength(MAX_ENTITY_TERMS);
    expect(values.every((entity) => entity.name?.synonyms === undefined)).toBe(true);
  });

  it('spends what is left of the budget on synonyms when there are few playlists', () => {
    const values = entities(TRICKY_PLAYLIST_NAMES.slice(0, 30));
    const synonyms = values.flatMap((entity) => entity.name?.synonyms ?? []);

    expect(values).toHaveLength(30);
    expect(synonyms.length).toBeGreaterThan(0);
    expect(values.length + synonyms.length).toBeLessThanOrEqual(MAX_ENTITY_TERMS);
  });

  it('skips names that cannot be said and repeated ids, and sends nothing when none is left', () => {
    expect(entities(['🔥🔥🔥', 'Workout']).map((entity) => entity.id)).toEqual(['pl1']);
    expect(playlistEntitiesDirective([{ id: 'a', name: 'One' }, { id: 'a', name: 'One again' }], ENGLISH)?.types?.[0]?.values).toHaveLength(1);
    expect(playlistEntitiesDirective(playlists(['🔥']), ENGLISH)).toBeUndefined();
  });

  it('teaches no more of a name than anyone would say, however long the name', () => {
    // A number early on gives the long name synonyms ("top fifty …") that must be clipped too.
    const values = entities([`Top 50 ${'and more '.repeat(1000)}`]);
    const synonyms = values[0]?.name?.synonyms ?? [];

    expect(values[0]?.name?.value).toMatch(/^top 50 and more/);
    expect(values[0]?.name?.value.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_CHARS);
    expect(synonyms.length).toBeGreaterThan(0);
    for (const synonym of synonyms) expect(synonym.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_CHARS);
  });

  it('offers the name without decorations and with numbers in words', () => {
    expect(spokenForms('K-Pop Hits (2024)')).toEqual({
      value: 'k pop hits 2024',
      synonyms: ['k pop hits', 'k pop hits twenty twenty four', 'kpop hits 2024', 'kpop hits'],
    });
    expect(spokenForms('Top 50 — Global')).toEqual({ value: 'top 50 global', synonyms: ['top 50', 'top fifty global'] });
    expect(spokenForms('Class of 2005 / 1999')).toEqual({ value: 'class of 2005 1999', synonyms: ['class of 2005', 'class of 2005 nineteen ninety nine'] });
    expect(spokenForms('Workout')).toEqual({ value: 'workout', synonyms: [] });
  });

  it.each([
    ['Lo-Fi Beats to Study To', 'lo fi beats to study to', 'lofi beats to study to'],
    ['Hip-Hop Hooray', 'hip hop hooray', 'hiphop hooray'],
    ['R&B Slow Jams', 'r and b slow jams', 'rnb slow jams'],
    ['RnB Classics', 'r and b classics', 'rnb classics'],
    ['EDM Anthems', 'edm anthems', 'e d m anthems'],
    ['E.D.M. Party', 'e d m party', 'edm party'],
  ])('teaches %j both as %j and as %j, joined or spelled as people say it', (name, value, synonym) => {
    const forms = spokenForms(name);
    expect(forms.value).toBe(value);
    expect(forms.synonyms).toContain(synonym);
  });

  it('reads no acronyms into a name written in capitals throughout', () => {
    expect(spokenForms('ROCK MIX')).toEqual({ value: 'rock mix', synonyms: [] });
  });
});
