/**
 * The `le-systems` command line (bin/le-systems.mjs runs it from dist/).
 *
 *   le-systems validate <file.json...>
 *   le-systems export --format gift|qti <file.json> [-o <out>] [--quiz <id>]
 *
 * A file holds a quiz or an array of quizzes. `validate` prints `file: OK (N questions)` or one line
 * per problem, located by its path (`file: questions[3].answer: "z" is not an option id …`), and a
 * JSON syntax error by line and column (`file:3:5: invalid JSON: …`). `export` validates first and
 * writes GIFT or QTI 1.2 to stdout or `-o`; questions a format cannot hold are reported on stderr.
 * Exit codes: 0 fine, 1 a file is missing or invalid, 2 wrong usage.
 *
 * The module touches no Node API: everything goes through `io`, so tests drive `main` directly.
 */
import { array, formatIssue, parse } from '../core/validate.js';
import { quizSchema } from '../components/quiz/schema.js';
import type { Quiz } from '../components/quiz/types.js';
import { giftWarnings, toGift } from '../formats/gift.js';
import { qtiWarnings, toQti12 } from '../formats/qti.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
  /** Needed by `export -o`; bin/le-systems.mjs passes node:fs. */
  writeFile?: (path: string, content: string) => Promise<void>;
}

export const USAGE = `Usage:
  le-systems validate <file.json...>
      Check quiz files (each a quiz or an array of quizzes): schema, answers that name
      real options, unique ids, … Prints "file: OK (N questions)" or each problem.
  le-systems export --format gift|qti <file.json> [-o <out>] [--quiz <id>]
      Validate, then write the quiz as Moodle GIFT or as IMS QTI 1.2 XML (Canvas Classic
      Quizzes, Blackboard) to stdout or to <out>. --quiz picks one quiz of an array.
      Ordering questions have no equivalent in either format and are left out.
  le-systems --help

Exit codes: 0 ok, 1 invalid or unreadable file, 2 wrong usage.
`;

const FORMATS = {
  gift: { write: toGift, warnings: giftWarnings },
  qti: { write: toQti12, warnings: qtiWarnings },
} as const;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (['--help', '-h', 'help'].includes(command) || args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  switch (command) {
    case 'validate':
      return validate(args, io);
    case 'export':
      return exportQuiz(args, io);
    default:
      return usage(io, `unknown command ${JSON.stringify(command)}`);
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`le-systems: ${message}\n\n${USAGE}`);
  return 2;
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const option = args.find((a) => a.startsWith('-') && a !== '-');
  if (option) return usage(io, `validate: unknown option ${JSON.stringify(option)}`);
  if (!args.length) return usage(io, 'validate: no file given');
  let failed = false;
  for (const file of args) {
    const r = await load(file, io);
    if (!r.ok) {
      failed = true;
      for (const line of r.errors) io.stdout(`${line}\n`);
    } else {
      const n = r.quizzes.reduce((s, q) => s + q.questions.length, 0);
      const questions = `${n} question${n === 1 ? '' : 's'}`;
      io.stdout(`${file}: OK (${r.array ? `${r.quizzes.length} quiz${r.quizzes.length === 1 ? '' : 'zes'}, ${questions}` : questions})\n`);
    }
  }
  return failed ? 1 : 0;
}

async function exportQuiz(args: string[], io: CliIo): Promise<number> {
  let format: string | undefined;
  let out: string | undefined;
  let quizId: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--format' || flag === '-f') format = value();
    else if (flag === '--output' || flag === '-o') out = value();
    else if (flag === '--quiz') quizId = value();
    else if (arg.startsWith('-') && arg !== '-') return usage(io, `export: unknown option ${JSON.stringify(arg)}`);
    else {
      files.push(arg);
      continue;
    }
    if (args[i] === undefined && inline === undefined) return usage(io, `export: ${flag} needs a value`);
  }
  if (format === undefined) return usage(io, 'export: --format gift|qti is required');
  if (!(format in FORMATS)) return usage(io, `export: unknown format ${JSON.stringify(format)} (expected "gift" or "qti")`);
  if (files.length !== 1) return usage(io, files.length ? `export: one file at a time (got ${files.length})` : 'export: no file given');
  const [file] = files;
  const r = await load(file, io);
  if (!r.ok) {
    for (const line of r.errors) io.stderr(`${line}\n`);
    io.stderr(`le-systems export: ${file} is not valid; nothing written\n`);
    return 1;
  }
  let quiz: Quiz | undefined = r.quizzes[0];
  if (quizId !== undefined) quiz = r.quizzes.find((q) => q.id === quizId);
  else if (r.quizzes.length > 1) return usage(io, `export: ${file} holds ${r.quizzes.length} quizzes (${r.quizzes.map((q) => q.id).join(', ')}); choose one with --quiz <id>`);
  if (!quiz) return usage(io, `export: ${file} has no quiz with id ${JSON.stringify(quizId)} (it has ${r.quizzes.map((q) => q.id).join(', ')})`);

  const { write, warnings } = FORMATS[format as keyof typeof FORMATS];
  const content = write(quiz);
  const skipped = warnings(quiz);
  for (const w of skipped) io.stderr(`warning: ${w}\n`);
  if (out === undefined) {
    io.stdout(content);
    return 0;
  }
  if (!io.writeFile) {
    io.stderr('le-systems export: cannot write files here; leave out -o to write to stdout\n');
    return 2;
  }
  try {
    await io.writeFile(out, content);
  } catch (err) {
    io.stderr(`le-systems export: cannot write ${out}: ${(err as Error).message}\n`);
    return 1;
  }
  const omitted = skipped.filter((w) => / question \S+ omitted/.test(w)).length;
  io.stderr(`wrote ${out} (${format}, ${quiz.questions.length - omitted} of ${quiz.questions.length} questions)\n`);
  return 0;
}

type Loaded = { ok: true; quizzes: Quiz[]; array: boolean } | { ok: false; errors: string[] };

/** Read, parse and validate one file; every problem as a `file: …` line. */
async function load(file: string, io: CliIo): Promise<Loaded> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (err) {
    return { ok: false, errors: [`${file}: cannot read: ${(err as Error).message}`] };
  }
  text = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = locateJsonError(text);
    return { ok: false, errors: [at ? `${file}:${at.line}:${at.column}: invalid JSON: ${at.message}` : `${file}: invalid JSON: ${(err as Error).message}`] };
  }
  const isArray = Array.isArray(data);
  const r = isArray ? parse(array(quizSchema, { minItems: 1 }), data) : parse(quizSchema, data);
  if (!r.ok) return { ok: false, errors: r.issues.map((i) => `${file}: ${formatIssue(i)}`) };
  return { ok: true, quizzes: isArray ? (r.value as Quiz[]) : [r.value as Quiz], array: isArray };
}

/**
 * Where and why `text` is not JSON, found by a strict scan (JSON.parse's messages vary between
 * Node versions and do not always give a position). Lines and columns count from 1.
 */
export function locateJsonError(text: string): { line: number; column: number; message: string } | undefined {
  let i = 0;
  class Stop {
    constructor(
      readonly message: string,
      readonly at: number,
    ) {}
  }
  const fail = (message: string, at = i): never => {
    throw new Stop(message, at);
  };
  const found = () => (i >= text.length ? 'the end of the file' : text[i] === '"' ? 'a string' : JSON.stringify(String.fromCodePoint(text.codePointAt(i)!)));
  /** Could a value start here (so a "," is what is missing before it)? */
  const startsValue = () => /^["{[\d-]|^(true|false|null)/.test(text.slice(i, i + 5));
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch === '\\') {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail(`invalid escape "\\${e ?? ''}" in a string`);
      } else if (ch < ' ') fail('control character in a string (write \\n for a newline, \\t for a tab)');
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `expected a property name in double quotes, found ${found()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after the property name, found ${found()}`);
        i++;
        value();
        const end = i;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else if (text[i] === '"') fail('missing "," after this property value', end);
        else fail(`expected "," or "}" after a property value, found ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma before "]"');
        value();
        const end = i;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else if (startsValue()) fail('missing "," after this array item', end);
        else fail(`expected "," or "]" after an array item, found ${found()}`);
      }
    }
    if (c === '"') return string();
    const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    num.lastIndex = i;
    if ((c === '-' || (c >= '0' && c <= '9')) && num.exec(text)) return void (i = num.lastIndex);
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    fail(`expected a value, found ${found()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    const before = text.slice(0, err.at);
    const line = before.split('\n').length;
    return { line, column: err.at - before.lastIndexOf('\n'), message: err.message };
  }
}
