import {
  ENGLISH,
  exactlyNamed,
  FRENCH,
  GERMAN,
  matchingLanguageFor,
  matchSpokenName,
  normaliseName,
  normaliseSpoken,
  pickAmongChoices,
  readChoiceAnswer,
  readReference,
  SPANISH,
  type MatchingLanguage,
  type MatchOutcome,
  type Named,
  type Reference,
  yesOrNo,
} from '../../lambda/matching';
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
    // Words joined or split differently from the name, and spelled letter by letter.
    ['lofi beats', 'Lo-Fi Beats to Study To'],
    ['lofi', '24/7 Lofi'],
    ['kpop', 'K-Pop Hits (2024)'],
    ['k pop', 'K-Pop Hits (2024)'],
    ['hiphop hooray', 'Hip-Hop Hooray'],
    ['hip hop classics', 'Hiphop Classics'],
    ['hiphop', { ask: ['Hip-Hop Hooray', 'Hiphop Classics'] }],
    ['postpunk revival', 'Post-Punk Revival'],
    ['chill hop', 'Chillhop'],
    ['work out', 'Workout'],
    ['morningrun', 'Morning Run'],
    ['rnb', 'R&B Slow Jams'],
    ['r and b', 'R&B Slow Jams'],
    ['r n b', 'R&B Slow Jams'],
    ['edm', 'EDM Anthems'],
    ['e d m', 'EDM Anthems'],
    ['e d m anthems', 'EDM Anthems'],
    ['jazz standards', 'J.A.Z.Z. Standards'],
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
    expect(describeOutcome(matchSpokenName(spoken, library, ENGLISH))).toEqual(expected);
  });

  it('finds nothing in an empty library or for words that are all filler', () => {
    expect(matchSpokenName('morning run', [], ENGLISH).kind).toBe('none');
    expect(matchSpokenName('🔥', library, ENGLISH).kind).toBe('none');
    expect(matchSpokenName('  ', library, ENGLISH).kind).toBe('none');
  });

  it('never offers a name that cannot be said, such as one made only of emoji', () => {
    expect(matchSpokenName('fire fire fire', [{ name: '🔥🔥🔥' }], ENGLISH).kind).toBe('none');
  });

  it('takes the first of two names that read the same, since no voice can tell them apart', () => {
    const twins = [{ name: 'Love Songs', id: 1 }, { name: '❤️ Love Songs', id: 2 }];
    expect(matchSpokenName('love songs', twins, ENGLISH)).toEqual({ kind: 'found', item: twins[0] });
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
    ['RnB Classics', 'r and b classics'],
    ['R&B Classics', 'r and b classics'],
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
    expect(pickAmongChoices(answer, choices, ENGLISH)?.name).toBe(picked);
  });

  it.each(['morning run', 'deep', 'the fourth one', 'the 0th one', '0', 'a third of them', 'third one or so', 'the 10', 'number 12'])('picks nothing for "%s"', (answer) => {
    expect(pickAmongChoices(answer, choices, ENGLISH)).toBeUndefined();
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
    expect(readChoiceAnswer(answer, choices, ENGLISH).kind).toBe(kind);
  });

  it('reads "no" as no when a choice only starts with it, though "no" alone would pick that choice', () => {
    expect(pickAmongChoices('no', [{ name: 'No Doubt' }, { name: 'Deep House' }], ENGLISH)).toEqual({ name: 'No Doubt' });
    expect(readChoiceAnswer('no', [{ name: 'No Doubt' }, { name: 'Deep House' }], ENGLISH)).toEqual({ kind: 'declined' });
  });

  it('takes a choice whose name is the very word said, "Yes" or "No", over reading it as an answer', () => {
    const named = [{ name: 'No' }, { name: 'Yes' }];
    expect(readChoiceAnswer('no', named, ENGLISH)).toEqual({ kind: 'picked', item: { name: 'No' } });
    expect(readChoiceAnswer('yes', named, ENGLISH)).toEqual({ kind: 'picked', item: { name: 'Yes' } });
    expect(readChoiceAnswer('the second one', choices, ENGLISH)).toEqual({ kind: 'picked', item: { name: 'Deep House' } });
  });
});

/*
 * The same table in German, French and Spanish: what people say in each language (number words,
 * "und" / "et" / "y" for "&", articles and "playlist" around the name, accents) against a library
 * of names as they are written there, English names included (names are names).
 */
type LanguageTable = ReadonlyArray<readonly [string, Expected]>;

const LANGUAGE_TABLES: ReadonlyArray<readonly [string, MatchingLanguage, readonly string[], LanguageTable]> = [
  [
    'German',
    GERMAN,
    ['Rock & Roll <Live>', 'Schlager & Party', 'Die 90er', 'Sommerhits 2024', 'Kuschelrock 2', 'Grüße aus München', 'Ü30 Party', '100 % Deutschrap',
      'Top 40 Österreich', '1. Mai', 'Hörbuch – Später', 'Workout', 'Workout 2', 'Morning Run', 'Chill', 'R&B Slow Jams', 'Rocky II', '1999', 'Route 66'],
    [
      ['rock und roll', 'Rock & Roll <Live>'],
      ['rock and roll live', 'Rock & Roll <Live>'],
      ["rock 'n' roll", 'Rock & Roll <Live>'],
      ['schlager und party', 'Schlager & Party'],
      ['die workout playlist', 'Workout'],
      ['die playlist morning run', 'Morning Run'],
      ['meine chill playlist', 'Chill'],
      ['workout zwei', 'Workout 2'],
      ['die neunziger', 'Die 90er'],
      ['sommerhits zweitausendvierundzwanzig', 'Sommerhits 2024'],
      ['sommerhits zwei tausend vier und zwanzig', 'Sommerhits 2024'],
      ['kuschelrock zwei', 'Kuschelrock 2'],
      ['grüsse aus münchen', 'Grüße aus München'],
      ['ü dreißig party', 'Ü30 Party'],
      ['hundert prozent deutschrap', '100 % Deutschrap'],
      ['top vierzig österreich', 'Top 40 Österreich'],
      ['erster mai', '1. Mai'],
      ['hörbuch', 'Hörbuch – Später'],
      ['r und b slow jams', 'R&B Slow Jams'],
      ['rocky zwei', 'Rocky II'],
      ['neunzehnhundertneunundneunzig', '1999'],
      ['route sechsundsechzig', 'Route 66'],
      ['workout', 'Workout'],
      ['blasmusik', 'no match'],
    ],
  ],
  [
    'French',
    FRENCH,
    ['Rock & Roll <Live>', 'Apéro & Chill', 'Chill', 'Années 80', 'Été 2023', "L'Été Indien", 'Top 50 France', '1ère Danse', 'Soirée Entre Amis',
      'Les 90 Minutes', 'Workout', 'Workout 2', 'Morning Run', 'Chansons Françaises', 'Noël à Paris', '100% Hits'],
    [
      ['rock et roll', 'Rock & Roll <Live>'],
      ['rock and roll', 'Rock & Roll <Live>'],
      ['apéro et chill', 'Apéro & Chill'],
      ['apero and chill', 'Apéro & Chill'],
      ['la playlist chill', 'Chill'],
      ['ma playlist morning run', 'Morning Run'],
      ['la liste de lecture soirée entre amis', 'Soirée Entre Amis'],
      ['années quatre vingt', 'Années 80'],
      ['été deux mille vingt trois', 'Été 2023'],
      ["l'été indien", "L'Été Indien"],
      ['top cinquante france', 'Top 50 France'],
      ['première danse', '1ère Danse'],
      ['les quatre vingt dix minutes', 'Les 90 Minutes'],
      ['workout deux', 'Workout 2'],
      ['chansons francaises', 'Chansons Françaises'],
      ['noel a paris', 'Noël à Paris'],
      ['cent pour cent hits', '100% Hits'],
      ['workout', 'Workout'],
      ['musique classique', 'no match'],
    ],
  ],
  [
    'Spanish',
    SPANISH,
    ['Rock & Roll <Live>', 'Fiesta y Baile', 'Los 90', 'Verano 2024', 'Éxitos de Siempre', 'Música para Dormir', 'Reggaetón 2', 'Top 50 España',
      '1ª División', 'Niños & Canciones', 'Morning Run', 'Workout', 'Workout 2', 'Chill', 'Mil Besos', '32 Grados'],
    [
      ['rock y roll', 'Rock & Roll <Live>'],
      ['rock and roll', 'Rock & Roll <Live>'],
      ['la lista morning run', 'Morning Run'],
      ['mi playlist chill', 'Chill'],
      ['la lista de reproducción éxitos de siempre', 'Éxitos de Siempre'],
      ['fiesta y baile', 'Fiesta y Baile'],
      ['niños y canciones', 'Niños & Canciones'],
      ['los noventa', 'Los 90'],
      ['verano dos mil veinticuatro', 'Verano 2024'],
      ['exitos de siempre', 'Éxitos de Siempre'],
      ['musica para dormir', 'Música para Dormir'],
      ['reggaeton dos', 'Reggaetón 2'],
      ['top cincuenta españa', 'Top 50 España'],
      ['primera división', '1ª División'],
      ['treinta y dos grados', '32 Grados'],
      ['mil besos', 'Mil Besos'],
      ['workout dos', 'Workout 2'],
      ['workout', 'Workout'],
      ['flamenco puro', 'no match'],
    ],
  ],
];

describe.each(LANGUAGE_TABLES)('matching a name said in %s', (_name, language, names, table) => {
  const languageLibrary: Named[] = names.map((name) => ({ name }));

  it('has rows for number words, the word for "&", words around a name and accents', () => {
    expect(table.length).toBeGreaterThanOrEqual(15);
  });

  it.each(table)('hears "%s" as %j', (spoken, expected) => {
    expect(describeOutcome(matchSpokenName(spoken, languageLibrary, language))).toEqual(expected);
  });
});

describe('a name said whole', () => {
  const names = [{ name: 'Deep Focus' }, { name: 'Deep House' }, { name: 'Rock & Roll <Live>' }];

  it.each([
    ['deep house', 'English', ENGLISH, 'Deep House'],
    ['my deep house playlist', 'English', ENGLISH, 'Deep House'],
    ['deephouse', 'English', ENGLISH, 'Deep House'],
    ['rock und roll live', 'German', GERMAN, 'Rock & Roll <Live>'],
  ] as const)('finds "%s", said in %s, as a whole name', (spoken, _languageName, language, name) => {
    expect(exactlyNamed(spoken, names, language)).toEqual({ name });
  });

  it.each(['deep', 'deep housey', 'house'])('finds nothing for "%s", which is not a whole name however close', (spoken) => {
    expect(exactlyNamed(spoken, names, ENGLISH)).toBeUndefined();
  });
});

describe('the language a name is matched in', () => {
  it('is what makes "und" the "&" of a name: in English "rock und roll" is not "Rock & Roll"', () => {
    const names = [{ name: 'Rock & Roll <Live>' }, { name: 'Rock United' }];
    expect(describeOutcome(matchSpokenName('rock und roll', names, GERMAN))).toBe('Rock & Roll <Live>');
    expect(normaliseName('Rock & Roll', ENGLISH)).toBe('rock and roll');
    expect(normaliseName('Rock & Roll', GERMAN)).toBe('rock und roll');
  });

  it.each([
    ['de-DE', GERMAN],
    ['de-AT', GERMAN],
    ['fr-CA', FRENCH],
    ['es-US', SPANISH],
    ['en-IN', ENGLISH],
    ['it-IT', ENGLISH],
    [undefined, ENGLISH],
  ] as const)('is found from the locale %s', (locale, language) => {
    expect(matchingLanguageFor(locale)).toBe(language);
  });
});

const CHOICE_ANSWERS: ReadonlyArray<readonly [string, MatchingLanguage, ReadonlyArray<readonly [string, string]>]> = [
  ['German', GERMAN, [['die zweite', 'Deep House'], ['die letzte', 'Deep Work'], ['nummer drei', 'Deep Work'], ['die erste playlist', 'Deep Focus'], ['keine von beiden', 'declined'], ['nein danke', 'declined'], ['ja', 'unclear'], ['die vierte', 'beyondChoices'], ['fünfzig', 'other']]],
  ['French', FRENCH, [['la deuxième', 'Deep House'], ['la dernière', 'Deep Work'], ['numéro trois', 'Deep Work'], ['la première', 'Deep Focus'], ["ni l'une ni l'autre", 'declined'], ['non merci', 'declined'], ["d'accord", 'unclear'], ['la quatrième', 'beyondChoices'], ['cinquante', 'other']]],
  ['Spanish', SPANISH, [['la segunda', 'Deep House'], ['la última', 'Deep Work'], ['número tres', 'Deep Work'], ['el primero', 'Deep Focus'], ['ninguna de las dos', 'declined'], ['no gracias', 'declined'], ['sí', 'unclear'], ['la cuarta', 'beyondChoices'], ['cincuenta', 'other']]],
];

describe.each(CHOICE_ANSWERS)('answering "which one did you mean?" in %s', (_name, language, rows) => {
  const choices = [{ name: 'Deep Focus' }, { name: 'Deep House' }, { name: 'Deep Work' }];

  it.each(rows)('reads "%s" as %s', (answer, reading) => {
    const read = readChoiceAnswer(answer, choices, language);
    expect(read.kind === 'picked' ? read.item.name : read.kind).toBe(reading);
  });
});

/*
 * Words that point at what was just heard instead of naming a playlist (issue 16's references),
 * as each language says them. A position said as an ordinal, with "number" or (where ordinals
 * read as digits, as in German) with an article is explicit; a bare digit may still be a name.
 */
type ReferenceRow = readonly [said: string, reads: Reference | undefined];
const position = (n: number, explicit = true): Reference => ({ kind: 'position', position: n, explicit });
const LAST: Reference = { kind: 'last' };
const THIS: Reference = { kind: 'this' };

const REFERENCES: ReadonlyArray<readonly [string, MatchingLanguage, readonly ReferenceRow[]]> = [
  ['English', ENGLISH, [
    ['the third one', position(3)], ['number two', position(2)], ['the 1st', position(1)], ['the last one', LAST], ['two', position(2, false)],
    ['it', THIS], ['that one', THIS], ['this playlist', THIS], ['fifty', undefined], ['workout two', undefined], ['morning run', undefined],
  ]],
  ['German', GERMAN, [
    ['die dritte', position(3)], ['die dritte playlist', position(3)], ['nummer zwei', position(2)], ['die erste bitte', position(1)], ['die siebte', position(7)],
    ['die letzte', LAST], ['den letzten', LAST], ['zwei', position(2, false)],
    ['sie', THIS], ['die da', THIS], ['diese Playlist', THIS], ['dieselbe', THIS], ['fünfzig', undefined], ['die neunziger', undefined], ['workout zwei', undefined],
  ]],
  ['French', FRENCH, [
    ['la troisième', position(3)], ['numéro deux', position(2)], ['la première', position(1)], ['la 2e', position(2)], ['la septième', position(7)],
    ['la dernière', LAST], ['le dernier', LAST], ['deux', position(2, false)],
    ['la', THIS], ['celle-là', THIS], ['cette playlist', THIS], ['ça', THIS], ['cinquante', undefined], ['la playlist chill', undefined], ['années quatre vingt', undefined],
  ]],
  ['Spanish', SPANISH, [
    ['la tercera', position(3)], ['número dos', position(2)], ['el primero', position(1)], ['la 2ª', position(2)], ['la séptima por favor', position(7)],
    ['la última', LAST], ['el último', LAST], ['dos', position(2, false)],
    ['esa', THIS], ['la misma', THIS], ['esa lista', THIS], ['esta playlist', THIS], ['cincuenta', undefined], ['la lista morning run', undefined], ['los noventa', undefined],
  ]],
];

describe.each(REFERENCES)('reading what a listener points at in %s', (_name, language, rows) => {
  it.each(rows)('reads "%s" as %j', (said, reads) => {
    expect(readReference(said, language)).toEqual(reads);
  });
});

describe('pointing words in the wrong language', () => {
  it('are names, not references: "die dritte" means nothing in English, "the third one" nothing in German', () => {
    expect(readReference('die dritte', ENGLISH)).toBeUndefined();
    expect(readReference('the third one', GERMAN)).toBeUndefined();
  });
});

describe('hearing "no" or "yes" instead of a name', () => {
  it.each(['no', 'nope', 'nah', 'neither', 'none', 'no thanks', 'no thank you', 'neither one', 'neither of them', 'neither of those', 'none of them', 'none of those', 'No!'])(
    'hears "%s" as no',
    (said) => {
      expect(yesOrNo(said, ENGLISH)).toBe('no');
    },
  );

  it.each(['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please', 'Yes.'])('hears "%s" as yes', (said) => {
    expect(yesOrNo(said, ENGLISH)).toBe('yes');
  });

  it.each(['piano', 'casino', 'no doubt', 'know', 'nonetheless', 'neither here nor there', 'nobody', 'eyes', 'yesterday', 'yes and no songs', 'okay computer', 'unsure'])(
    'hears "%s" as neither, since it only contains or starts with the word',
    (said) => {
      expect(yesOrNo(said, ENGLISH)).toBeUndefined();
    },
  );
});

describe('how close is close enough', () => {
  it('asks between names that fit almost equally well, at most three, best first', () => {
    const names = ['Deep Focus', 'Deep House', 'Deep Work', 'Deep Sleep'].map((name) => ({ name }));

    const outcome = matchSpokenName('deep', names, ENGLISH);

    expect(outcome.kind).toBe('ambiguous');
    expect(outcome.kind === 'ambiguous' && outcome.items).toHaveLength(3);
  });

  it('takes the clear winner when the next best is well behind', () => {
    expect(matchSpokenName('workout', [{ name: 'Workout 2' }, { name: 'Workout' }], ENGLISH)).toEqual({ kind: 'found', item: { name: 'Workout' } });
  });

  it('finds nothing when the best fit is below the threshold', () => {
    expect(matchSpokenName('jazz', [{ name: 'Morning Run' }, { name: 'Deep House' }], ENGLISH)).toEqual({ kind: 'none' });
  });

  it('finds a name that is a near miss, such as a misheard letter', () => {
    expect(matchSpokenName('morning rum', [{ name: 'Morning Run' }, { name: 'Deep House' }], ENGLISH)).toEqual({ kind: 'found', item: { name: 'Morning Run' } });
  });

  it('takes a fit of exactly the threshold, three letters of four (0.75), and nothing below it', () => {
    expect(matchSpokenName('abcd', [{ name: 'abcx' }], ENGLISH)).toEqual({ kind: 'found', item: { name: 'abcx' } });
    expect(matchSpokenName('abcde', [{ name: 'abcxy' }], ENGLISH)).toEqual({ kind: 'none' });
  });

  it('asks about a name exactly the ambiguity margin behind the best (0.05: one letter of twenty)', () => {
    const exact = { name: 'a'.repeat(20) };
    const behind = { name: `${'a'.repeat(19)}b` };

    expect(matchSpokenName('a'.repeat(20), [exact, behind], ENGLISH)).toEqual({ kind: 'ambiguous', items: [exact, behind] });
  });

  it('never offers a name that normalises to nothing, even when it is first', () => {
    expect(matchSpokenName('chill', [{ name: '🎵🎵' }, { name: 'Chill Mix' }], ENGLISH)).toEqual({ kind: 'found', item: { name: 'Chill Mix' } });
  });
});
