/** One thing wrong with the project, located precisely enough to fix without searching. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  readonly file: string;
  /** Where in the file, as a JSON path such as `interactionModel.languageModel.intents[2].samples[0]`. */
  readonly path: string;
  readonly message: string;
}

export type JsonPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['a', 0, 'b.c']` → `a[0]["b.c"]`; the empty path is the whole file. */
export function formatPath(path: JsonPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (IDENTIFIER.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text === '' ? '(whole file)' : text;
}

export function problem(file: string, path: JsonPath, message: string): Problem {
  return { file, path: formatPath(path), message };
}

export function formatProblem({ file, path, message }: Problem): string {
  return `${file}: ${path}: ${message}`;
}
