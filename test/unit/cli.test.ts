import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { locateJsonError, main, USAGE, type CliIo } from '../../src/cli/le-systems.js';
import { fromGift, toGift } from '../../src/formats/gift.js';
import { toQti12 } from '../../src/formats/qti.js';
import { quizSchema } from '../../src/components/quiz/schema.js';
import { parse } from '../../src/core/validate.js';
import type { Quiz } from '../../src/components/quiz/types.js';

const DIR = 'test/fixtures/quizzes';
const f = (name: string) => `${DIR}/${name}`;

/** Run the CLI with fake io; files are read from the fixtures, writes are kept. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path, content) => void written.set(path, content),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, written };
}

const fixtureQuiz = async (name: string): Promise<Quiz> => {
  const r = parse(quizSchema, JSON.parse(await readFile(f(name), 'utf8')));
  if (!r.ok) throw new Error('fixture is not valid');
  return r.value;
};

describe('le-systems validate', () => {
  it('reports a valid quiz with its question count', async () => {
    expect(await run('validate', f('valid.json'))).toMatchObject({ code: 0, stdout: `${f('valid.json')}: OK (6 questions)\n`, stderr: '' });
  });

  it('reports an array of quizzes', async () => {
    expect(await run('validate', f('several.json'))).toMatchObject({ code: 0, stdout: `${f('several.json')}: OK (2 quizzes, 3 questions)\n` });
  });

  it('locates each structural problem', async () => {
    const { code, stdout } = await run('validate', f('invalid.json'));
    expect(code).toBe(1);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      `${f('invalid.json')}: passPercent: expected a number from 0 to 100, got 150`,
      `${f('invalid.json')}: questions[0].answer: is required (an id of letters, digits, ".", ":", "-" or "_")`,
      `${f('invalid.json')}: questions[1].options[1]: duplicate option id "a" (also at questions[1].options[0])`,
      `${f('invalid.json')}: questions[2]: duplicate question id "no-answer" (also at questions[0])`,
      `${f('invalid.json')}: questions[3].type: expected one of "single", "multiple", "true-false", "ordering", "numeric", "text", got "essay"`,
    ]);
  });

  it('locates answers that do not fit their options', async () => {
    const { code, stdout } = await run('validate', f('invalid-answers.json'));
    expect(code).toBe(1);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      `${f('invalid-answers.json')}: questions[1].answer: a "multiple" question needs at least one correct option`,
      `${f('invalid-answers.json')}: questions[3].answer: "z" is not an option id (options: "a", "b")`,
    ]);
  });

  it('reports a quiz without questions', async () => {
    expect(await run('validate', f('empty.json'))).toMatchObject({ code: 1, stdout: `${f('empty.json')}: questions: expected at least 1 item, got 0\n` });
  });

  it('reports a JSON syntax error with its line and column', async () => {
    // Line 3 is `  "title": "A missing comma"`: the comma belongs right after it.
    expect(await run('validate', f('syntax-error.json'))).toMatchObject({ code: 1, stdout: `${f('syntax-error.json')}:3:29: invalid JSON: missing "," after this property value\n` });
  });

  it('checks every file, reports each, and fails if any failed', async () => {
    const { code, stdout } = await run('validate', f('valid.json'), 'no/such.json', f('empty.json'), f('several.json'));
    expect(code).toBe(1);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${f('valid.json')}: OK (6 questions)`);
    expect(lines[1]).toMatch(/^no\/such\.json: cannot read: .*ENOENT/);
    expect(lines[2]).toBe(`${f('empty.json')}: questions: expected at least 1 item, got 0`);
    expect(lines[3]).toBe(`${f('several.json')}: OK (2 quizzes, 3 questions)`);
  });

  it('needs at least one file and knows no options', async () => {
    expect(await run('validate')).toMatchObject({ code: 2, stdout: '', stderr: `le-systems: validate: no file given\n\n${USAGE}` });
    expect(await run('validate', '--strict', f('valid.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('validate: unknown option "--strict"') });
  });
});

describe('le-systems export', () => {
  it('writes GIFT to stdout and warns about the ordering question it leaves out', async () => {
    const { code, stdout, stderr } = await run('export', '--format', 'gift', f('valid.json'));
    const quiz = await fixtureQuiz('valid.json');
    expect(code).toBe(0);
    expect(stdout).toBe(toGift(quiz));
    expect(stderr).toBe('warning: ordering question read-path omitted: GIFT has no ordering type\n');
    expect(fromGift(stdout).quiz).toEqual({ ...quiz, questions: quiz.questions.filter((q) => q.type !== 'ordering') });
  });

  it('writes QTI to the -o file', async () => {
    const { code, stdout, stderr, written } = await run('export', f('valid.json'), '--format=qti', '-o', 'out/quiz.xml');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect([...written.keys()]).toEqual(['out/quiz.xml']);
    expect(written.get('out/quiz.xml')).toBe(toQti12(await fixtureQuiz('valid.json')));
    expect(stderr).toBe(
      'warning: ordering question read-path omitted: QTI 1.2 (Canvas Classic Quizzes) has no ordering type\nwrote out/quiz.xml (qti, 5 of 6 questions)\n',
    );
  });

  it('validates first and writes nothing for an invalid quiz', async () => {
    const { code, stdout, stderr, written } = await run('export', '-f', 'gift', f('invalid-answers.json'), '--output=x.gift');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(written.size).toBe(0);
    expect(stderr).toBe(
      [
        `${f('invalid-answers.json')}: questions[1].answer: a "multiple" question needs at least one correct option`,
        `${f('invalid-answers.json')}: questions[3].answer: "z" is not an option id (options: "a", "b")`,
        `le-systems export: ${f('invalid-answers.json')} is not valid; nothing written`,
        '',
      ].join('\n'),
    );
  });

  it('picks one quiz of an array with --quiz', async () => {
    const several = await run('export', '--format', 'gift', f('several.json'));
    expect(several.code).toBe(2);
    expect(several.stderr).toContain(`export: ${f('several.json')} holds 2 quizzes (first, second); choose one with --quiz <id>`);
    const second = await run('export', '--format', 'gift', '--quiz', 'second', f('several.json'));
    expect(second.code).toBe(0);
    expect(fromGift(second.stdout).quiz.questions.map((q) => q.id)).toEqual(['n', 'x']);
    expect((await run('export', '--format', 'gift', '--quiz', 'third', f('several.json'))).stderr).toContain('has no quiz with id "third" (it has first, second)');
  });

  it('rejects a missing or unknown format and wrong arguments with exit code 2', async () => {
    const cases: [string[], string][] = [
      [['export', f('valid.json')], 'export: --format gift|qti is required'],
      [['export', '--format', 'moodle-xml', f('valid.json')], 'export: unknown format "moodle-xml" (expected "gift" or "qti")'],
      [['export', '--format', 'gift'], 'export: no file given'],
      [['export', '--format', 'gift', f('valid.json'), f('several.json')], 'export: one file at a time (got 2)'],
      [['export', '--format', 'gift', f('valid.json'), '-o'], 'export: -o needs a value'],
      [['export', '--format'], 'export: --format needs a value'],
      [['export', '--format', 'gift', '--zip', f('valid.json')], 'export: unknown option "--zip"'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`le-systems: ${message}\n\n${USAGE}`);
    }
  });

  it('reports a file it cannot write', async () => {
    const io: CliIo = {
      stdout: () => {},
      stderr: (s) => void (err += s),
      readFile: (p) => readFile(p, 'utf8'),
      writeFile: async () => {
        throw new Error('EACCES: permission denied');
      },
    };
    let err = '';
    expect(await main(['export', '--format', 'qti', f('valid.json'), '-o', '/x.xml'], io)).toBe(1);
    expect(err).toContain('le-systems export: cannot write /x.xml: EACCES: permission denied');
  });
});

describe('le-systems usage', () => {
  it('prints help on --help, -h and help, to stdout with exit code 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['export', '--help'], ['validate', '-h']]) expect(await run(...argv)).toMatchObject({ code: 0, stdout: USAGE, stderr: '' });
    expect(USAGE).toContain('le-systems validate <file.json...>');
    expect(USAGE).toContain('le-systems export --format gift|qti <file.json> [-o <out>]');
  });

  it('prints usage to stderr with exit code 2 without a command or for an unknown one', async () => {
    expect(await run()).toMatchObject({ code: 2, stdout: '', stderr: USAGE });
    expect(await run('lint', f('valid.json'))).toMatchObject({ code: 2, stdout: '', stderr: `le-systems: unknown command "lint"\n\n${USAGE}` });
  });
});

describe('locateJsonError', () => {
  it('finds the line, column and cause of a syntax error', () => {
    expect(locateJsonError('{"a": 1}')).toBeUndefined();
    expect(locateJsonError('[1, 2,]')).toEqual({ line: 1, column: 7, message: 'trailing comma before "]"' });
    expect(locateJsonError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1, message: 'trailing comma before "}"' });
    expect(locateJsonError('{\n  "a": "x\n"}')).toEqual({ line: 2, column: 10, message: 'control character in a string (write \\n for a newline, \\t for a tab)' });
    expect(locateJsonError('{"a": "x')).toEqual({ line: 1, column: 7, message: 'unterminated string' });
    expect(locateJsonError("{'a': 1}")).toEqual({ line: 1, column: 2, message: 'expected a property name in double quotes, found "\'"' });
    expect(locateJsonError('{"a" 1}')).toEqual({ line: 1, column: 6, message: 'expected ":" after the property name, found "1"' });
    expect(locateJsonError('[1 2]')).toEqual({ line: 1, column: 3, message: 'missing "," after this array item' });
    expect(locateJsonError('{"a": tru}')).toEqual({ line: 1, column: 7, message: 'expected a value, found "t"' });
    expect(locateJsonError('{"a": "\\x"}')).toEqual({ line: 1, column: 8, message: 'invalid escape "\\x" in a string' });
    expect(locateJsonError('{} x')).toEqual({ line: 1, column: 4, message: 'unexpected "x" after the end of the JSON value' });
    expect(locateJsonError('')).toEqual({ line: 1, column: 1, message: 'expected a value, found the end of the file' });
  });
});
