import { matchSpokenName, normaliseName, normaliseSpoken, pickAmongChoices, readChoiceAnswer, yesOrNo, type MatchOutcome, type Named } from '../../lambda/matching';
import { TRICKY_PLAYLIST_NAMES } from './fixtures/trickyPlaylistNames';

const library: Named[] = TRICKY_PLAYLIST_NAMES.map((name) => ({ name }));

type Expected = string | { ask: string[] } | 'no match';

function describeOutcome(outcome: MatchOutcome<Named>): Expected {
  if (outcome.kind === 'found') return outcome.item.name;
  if (outcome.kind === 'ambiguous') return { ask: outcome.items.map((item) => item.name) };
  return 'no match';
}

describe('matching a spoken name against 200+ tricky playlist names', () => {
  it('uses a fixture of at least 200 distinct names', () => {
    expect(new Set(TRICKY_PLAYLIST_NAMES).size).toBe(TRICKY_PLAYLIST_NAMES.length);
    expect(TRICKY_PLAYLIST_NAMES.length).toBeGreaterThanOrEqual(200);
  });

  const table: ReadonlyArray<readonly [string, Expected]> = [
    // Symbols said as words.
    ['rock n roll classics', "Rock 'n' Roll Classics"],
    ['rock and roll', { ask: ['Rock & Roll <Live>', "Rock 'n' Roll Classics"] }],
    ['r and b slow jams', 'R&B Slow Jams'],
    ['rnb slow jams', 'R&B Slow Jams'],
    ['jazz at midnight', 'Jazz @ Midnight'],
    ['guns and roses mix', "Guns N' Roses Mix"],
    ['ac dc essentials', 'AC/DC Essentials'],
    ['drum and bass', "Drum 'n' Bass"],
    ['coffee and books', 'Coffee ☕ & Books 📚'],
    ['one hundred percent hits', '100% Hits'],
    ['number one hits', '#1 Hits'],
    // Quotes, apostrophes and hyphens.
    ['chill vibes', 'Chill "Vibes"'],
    ['sundays pancakes', "Sunday's Pancakes"],
    ["sunday's pancakes", "Sunday's Pancakes"],
    ['hip hop hooray', 'Hip-Hop Hooray'],
    ['lofi beats to study to', 'Lo-Fi Beats to Study To'],
    // Accents and letters of other alphabets.
    ['cafe del mar', 'Café del Mar'],
    ['beyonce essentials', 'Beyoncé Essentials'],
    ['motley metal', 'Mötley Metal'],
    ['francais classiques', 'Français Classiques'],
    ['bjork and friends', 'Björk & Friends'],
    ['oeuvres completes', 'Œuvres Complètes'],
    ['lodz techno', 'Łódź Techno'],
    ['strasse sounds', 'Straße Sounds'],
    ['sao paulo bossa', 'São Paulo Bossa'],
    // Emoji.
    ['road trip', 'Road Trip 🚗'],
    ['hot hits', '🔥 Hot Hits 🔥'],
    ['gym pump', 'Gym 💪 Pump'],
    ['coding music', 'Coding Music ⌨️'],
    // Numbers, years, decades, ordinals, roman numerals.
    ['nineties throwbacks', '90s Throwbacks'],
    ['90s throwbacks', '90s Throwbacks'],
    ['k pop hits twenty twenty four', 'K-Pop Hits (2024)'],
    ['top fifty global', 'Top 50 — Global'],
    ['summer twenty five', "Summer '25"],
    ['summer twenty twenty three', 'Summer 2023'],
    ['nineteen ninety nine', '1999'],
    ['route sixty six', 'Route 66'],
    ['fourth of july', '4th of July'],
    ['first dance', '1st Dance'],
    ['rocky two', 'Rocky II'],
    ['volume three', 'Volume III'],
    ['twenty four seven lofi', '24/7 Lofi'],
    ['class of twenty fifteen', 'Class of 2015'],
    ['twenty one pilots mix', 'Twenty One Pilots Mix'],
    // Near-duplicates: the exact name wins, a number picks its twin, a shared word asks.
    ['workout', 'Workout'],
    ['workout two', 'Workout 2'],
    ['morning run', 'Morning Run'],
    ['deep focus', 'Deep Focus'],
    ['deep house', 'Deep House'],
    ['love songs two', 'Love Songs 2'],
    ['deep', { ask: ['Deep Work', 'Deep Focus', 'Deep House'] }],
    ['run', { ask: ['Run Club', 'Morning Run', 'Evening Run'] }],
    ['summer', { ask: ["Summer '25", 'Summer 2023', 'Summer 2022'] }],
    ['dinner', { ask: ['Dinner Jazz', 'Dinner for Two', 'Dinner Party 🍷🍝'] }],
    // Parts of a name, and the words around it.
    ['lo fi beats', 'Lo-Fi Beats to Study To'],
    ['kpop hits', 'K-Pop Hits (2024)'],
    ['top fifty', 'Top 50 — Global'],
    ['the morning run playlist', 'Morning Run'],
    ['my chill playlist', 'Chill'],
    ['coding musik', 'Coding Music ⌨️'],
    // Nothing close.
    ['heavy metal thunder', 'no match'],
    ['bohemian rhapsody', 'no match'],
    ['xyz', 'no match'],
    ['la la la', 'no match'],
  ];

  it('has at least 40 spoken inputs in its table', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('hears "%s" as %j', (spoken, expected) => {
    expect(describeOutcome(matchSpokenName(spoken, library))).toEqual(expected);
  });

  it('finds nothing in an empty library or for words that are all filler', () => {
    expect(matchSpokenName('morning run', []).kind).toBe('none');
    expect(matchSpokenName('🔥', library).kind).toBe('none');
    expect(matchSpokenName('  ', library).kind).toBe('none');
  });

  it('never offers a name that cannot be said, such as one made only of emoji', () => {
    expect(matchSpokenName('fire fire fire', [{ name: '🔥🔥🔥' }]).kind).toBe('none');
  });

  it('takes the first of two names that read the same, since no voice can tell them apart', () => {
    const twins = [{ name: 'Love Songs', id: 1 }, { name: '❤️ Love Songs', id: 2 }];
    expect(matchSpokenName('love songs', twins)).toEqual({ kind: 'found', item: twins[0] });
  });
});

describe('normalising names', () => {
  it.each([
    ['Rock & Roll <Live>', 'rock and roll live'],
    ['Chill "Vibes"', 'chill vibes'],
    ['Café del Mar', 'cafe del mar'],
    ["Summer '25", 'summer 25'],
    ['K-Pop Hits (2024)', 'k pop hits 2024'],
    ['two thousand and twenty four', '2024'],
    ['one hundred and one', '101'],
    ['nineteen hundred', '1900'],
    ['twenty oh five', '2005'],
    ['Dinner Party 🍷🍝', 'dinner party'],
    ['Rock + Roll', 'rock and roll'],
  ])('reads %j as %j', (name, normalised) => {
    expect(normaliseName(name)).toBe(normalised);
  });

  it('drops "my", "the" and "playlist" around a spoken name, keeping the full form too', () => {
    expect(normaliseSpoken('my Morning Run playlist')).toEqual(['my morning run playlist', 'morning run']);
    expect(normaliseSpoken('the playlist')).toEqual(['the playlist', 'playlist']);
    expect(normaliseSpoken('')).toEqual([]);
  });
});

describe('answering "which one did you mean?"', () => {
  const choices = [{ name: 'Deep Focus' }, { name: 'Deep House' }, { name: 'Deep Work' }];

  it.each([
    ['deep house', 'Deep House'],
    ['house', 'Deep House'],
    ['focus', 'Deep Focus'],
    ['the first one', 'Deep Focus'],
    ['second', 'Deep House'],
    ['number three', 'Deep Work'],
    ['the last one', 'Deep Work'],
    ['1st', 'Deep Focus'],
    ['the 2nd one', 'Deep House'],
    ['3', 'Deep Work'],
    ['the third playlist', 'Deep Work'],
    ['last', 'Deep Work'],
  ])('takes "%s" as %s', (answer, picked) => {
    expect(pickAmongChoices(answer, choices)?.name).toBe(picked);
  });

  it.each(['morning run', 'deep', 'the fourth one', 'the 0th one', '0', 'a third of them', 'third one please', 'the 10', 'number 12'])('picks nothing for "%s"', (answer) => {
    expect(pickAmongChoices(answer, choices)).toBeUndefined();
  });

  it.each([
    ['no', 'declined'],
    ['neither of them', 'declined'],
    ['none of those', 'declined'],
    ['yes', 'unclear'],
    ['okay', 'unclear'],
    ['the fourth one', 'beyondChoices'],
    ['number 7', 'beyondChoices'],
    ['morning run', 'other'],
    ['fifty', 'other'],
  ])('reads "%s" as %s', (answer, kind) => {
    expect(readChoiceAnswer(answer, choices).kind).toBe(kind);
  });

  it('reads "no" as no when a choice only starts with it, though "no" alone would pick that choice', () => {
    expect(pickAmongChoices('no', [{ name: 'No Doubt' }, { name: 'Deep House' }])).toEqual({ name: 'No Doubt' });
    expect(readChoiceAnswer('no', [{ name: 'No Doubt' }, { name: 'Deep House' }])).toEqual({ kind: 'declined' });
  });

  it('takes a choice whose name is the very word said, "Yes" or "No", over reading it as an answer', () => {
    const named = [{ name: 'No' }, { name: 'Yes' }];
    expect(readChoiceAnswer('no', named)).toEqual({ kind: 'picked', item: { name: 'No' } });
    expect(readChoiceAnswer('yes', named)).toEqual({ kind: 'picked', item: { name: 'Yes' } });
    expect(readChoiceAnswer('the second one', choices)).toEqual({ kind: 'picked', item: { name: 'Deep House' } });
  });
});

describe('hearing "no" or "yes" instead of a name', () => {
  it.each(['no', 'nope', 'nah', 'neither', 'none', 'no thanks', 'no thank you', 'neither one', 'neither of them', 'neither of those', 'none of them', 'none of those', 'No!'])(
    'hears "%s" as no',
    (said) => {
      expect(yesOrNo(said)).toBe('no');
    },
  );

  it.each(['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please', 'Yes.'])('hears "%s" as yes', (said) => {
    expect(yesOrNo(said)).toBe('yes');
  });

  it.each(['piano', 'casino', 'no doubt', 'know', 'nonetheless', 'neither here nor there', 'nobody', 'eyes', 'yesterday', 'yes and no songs', 'okay computer', 'unsure'])(
    'hears "%s" as neither, since it only contains or starts with the word',
    (said) => {
      expect(yesOrNo(said)).toBeUndefined();
    },
  );
});

describe('how close is close enough', () => {
  it('asks between names that fit almost equally well, at most three, best first', () => {
    const names = ['Deep Focus', 'Deep House', 'Deep Work', 'Deep Sleep'].map((name) => ({ name }));

    const outcome = matchSpokenName('deep', names);

    expect(outcome.kind).toBe('ambiguous');
    expect(outcome.kind === 'ambiguous' && outcome.items).toHaveLength(3);
  });

  it('takes the clear winner when the next best is well behind', () => {
    expect(matchSpokenName('workout', [{ name: 'Workout 2' }, { name: 'Workout' }])).toEqual({ kind: 'found', item: { name: 'Workout' } });
  });

  it('finds nothing when the best fit is below the threshold', () => {
    expect(matchSpokenName('jazz', [{ name: 'Morning Run' }, { name: 'Deep House' }])).toEqual({ kind: 'none' });
  });

  it('finds a name that is a near miss, such as a misheard letter', () => {
    expect(matchSpokenName('morning rum', [{ name: 'Morning Run' }, { name: 'Deep House' }])).toEqual({ kind: 'found', item: { name: 'Morning Run' } });
  });

  it('never offers a name that normalises to nothing, even when it is first', () => {
    expect(matchSpokenName('chill', [{ name: '🎵🎵' }, { name: 'Chill Mix' }])).toEqual({ kind: 'found', item: { name: 'Chill Mix' } });
  });
});
