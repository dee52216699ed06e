import { alignJsonWildcards, alignWildcards, parseJsonValues, readWalkthrough, runWalkthrough } from '../../helpers/markdownWalkthrough';

const PAGE = [
  'Intro.',
  '```shell',
  'npm start &',
  '```',
  '```sh',
  'greet() { echo "hello $1"; }',
  '```',
  '```text',
  'hello …',
  '```',
  '```sh',
  'greet world; echo \'{"a": 1}\' >&2',
  '```',
  '```json',
  '{"a": 1}',
  '```',
  '```sh',
  'true',
  '```',
].join('\n');

describe('the walk-through reader of examples/README.md', () => {
  it('takes the sh blocks, each with the json or text block after it, and skips shell blocks', () => {
    expect(readWalkthrough(PAGE)).toEqual([
      { line: 5, script: 'greet() { echo "hello $1"; }', expected: { kind: 'text', body: 'hello …', line: 8 } },
      { line: 11, script: 'greet world; echo \'{"a": 1}\' >&2', expected: { kind: 'json', body: '{"a": 1}', line: 14 } },
      { line: 17, script: 'true', expected: null },
    ]);
  });

  it('runs the blocks in one shell, stderr with stdout, and splits the output per block', async () => {
    const steps = readWalkthrough(PAGE.replace('greet() { echo "hello $1"; }', 'greet() { echo "hello $1"; }; echo defined'));
    const outputs = await runWalkthrough(steps, { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' }, timeoutMs: 30_000 });
    expect(outputs).toEqual(['defined', 'hello world\n{"a": 1}', '']);
  });

  it('refuses a page whose fenced block is never closed', () => {
    expect(() => readWalkthrough('```sh\necho')).toThrow('the fenced block opened at line 1 is never closed');
  });

  it('lets … stand for any characters in text and JSON strings, and only there', () => {
    expect(alignWildcards('took … s\ndone', 'took 2.5 s\ndone')).toBe('took … s\ndone');
    expect(alignWildcards('took … s\ndone', 'took 2.5 ms\ndone')).toBe('took 2.5 ms\ndone');
    expect(alignJsonWildcards([{ message: 'not JSON: …', n: 1 }], [{ message: 'not JSON: at 3', n: 2 }])).toEqual([{ message: 'not JSON: …', n: 2 }]);
    expect(alignJsonWildcards({ message: 'not JSON: …' }, { message: 'JSON' })).toEqual({ message: 'JSON' });
  });

  it('reads one JSON document, or one value per line', () => {
    expect(parseJsonValues('{\n  "a": 1\n}')).toEqual([{ a: 1 }]);
    expect(parseJsonValues('{"a":1}\n2\noops')).toEqual([{ a: 1 }, 2, '(not JSON) oops']);
  });
});
