/**
 * Runs the shell commands of a Markdown walk-through (examples/README.md) as
 * a reader would, so that the page cannot drift from what the gateway does.
 *
 * The page's convention: every `sh` block is run, in order, in one bash shell
 * (so a function or variable defined in one block is there in the next); a
 * `json` or `text` block right after a `sh` block is what it prints; `shell`
 * blocks (start-up, clean-up) are for the reader only.
 */
import { spawn } from 'node:child_process';

/** What a `sh` block's output should be: JSON values, or text where `…` stands for any characters (in JSON: in a string). */
export interface ExpectedOutput {
  readonly kind: 'json' | 'text';
  readonly body: string;
  /** 1-based line of the block's opening fence, for messages. */
  readonly line: number;
}

/** One `sh` block and the output block after it, if any. */
export interface WalkthroughStep {
  /** 1-based line of the block's opening fence. */
  readonly line: number;
  readonly script: string;
  readonly expected: ExpectedOutput | null;
}

interface FencedBlock {
  readonly info: string;
  readonly body: string;
  readonly line: number;
}

/** The `sh` blocks of a Markdown page, each with the `json`/`text` block right after it. */
export function readWalkthrough(markdown: string): WalkthroughStep[] {
  const blocks = fencedBlocks(markdown);
  const steps: WalkthroughStep[] = [];
  blocks.forEach((block, index) => {
    if (block.info !== 'sh') return;
    const next = blocks[index + 1];
    const kind = outputKind(next?.info);
    const expected = next !== undefined && kind !== null ? { kind, body: next.body, line: next.line } : null;
    steps.push({ line: block.line, script: block.body, expected });
  });
  return steps;
}

function outputKind(info: string | undefined): ExpectedOutput['kind'] | null {
  return info === 'json' || info === 'text' ? info : null;
}

/** The page's fenced blocks (``` fences at the start of a line), with their info strings. */
function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split('\n');
  let open: { info: string; line: number; body: string[] } | null = null;
  for (const [index, text] of lines.entries()) {
    const fence = /^```\s*(\S*)\s*$/.exec(text);
    if (open === null) {
      if (fence !== null) open = { info: fence[1] ?? '', line: index + 1, body: [] };
    } else if (fence !== null && fence[1] === '') {
      blocks.push({ info: open.info, line: open.line, body: open.body.join('\n') });
      open = null;
    } else {
      open.body.push(text);
    }
  }
  if (open !== null) throw new Error(`the fenced block opened at line ${open.line} is never closed`);
  return blocks;
}

/** How {@link runWalkthrough} runs the shell. */
export interface WalkthroughRunOptions {
  readonly cwd: string;
  /** The whole environment of the shell. */
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
}

const SEPARATOR = '\u001e';

/**
 * Runs every step in one `bash` (stderr joined to stdout, as a terminal shows
 * them) and resolves with each step's output, without its last newline.
 * Rejects if bash does not finish within the timeout.
 */
export async function runWalkthrough(steps: readonly WalkthroughStep[], options: WalkthroughRunOptions): Promise<string[]> {
  const script = ['exec 2>&1', ...steps.flatMap((step, index) => [step.script, `printf '\\n${SEPARATOR}${index}${SEPARATOR}\\n'`])].join('\n');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the walk-through did not finish within ${options.timeoutMs} ms; it printed:\n${text}`));
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
  const parts = output.split(new RegExp(`\\n?\\n${SEPARATOR}\\d+${SEPARATOR}\\n`));
  if (parts.length !== steps.length + 1) throw new Error(`expected the output of ${steps.length} steps, got ${parts.length - 1}:\n${output}`);
  return parts.slice(0, steps.length);
}

/** The JSON values of a text: one document, or one per line (as `jq -c` prints them). */
export function parseJsonValues(text: string): unknown[] {
  try {
    return [JSON.parse(text) as unknown];
  } catch {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return `(not JSON) ${line}`;
        }
      });
  }
}

/**
 * `actual` with each line that an expected line's `…` pattern matches
 * replaced by that expected line, so that `toEqual(expected)` passes exactly
 * when the text matches, and a diff shows only the lines that do not.
 */
export function alignWildcards(expected: string, actual: string): string {
  const expectedLines = expected.split('\n');
  return actual
    .split('\n')
    .map((line, index) => {
      const pattern = expectedLines[index];
      if (pattern === undefined || !pattern.includes('…')) return line;
      return wildcardPattern(pattern).test(line) ? pattern : line;
    })
    .join('\n');
}

/**
 * `actual` with each string that an expected string's `…` pattern matches
 * (at the same place in the value) replaced by that expected string, for
 * `toEqual` as in {@link alignWildcards}.
 */
export function alignJsonWildcards(expected: unknown, actual: unknown): unknown {
  if (typeof expected === 'string' && typeof actual === 'string')
    return expected.includes('…') && wildcardPattern(expected).test(actual) ? expected : actual;
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((item: unknown, index) => alignJsonWildcards(expected[index], item));
  if (isObject(expected) && isObject(actual)) {
    return Object.fromEntries(Object.entries(actual).map(([key, value]) => [key, alignJsonWildcards(expected[key], value)]));
  }
  return actual;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wildcardPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('…').map(escapeRegExp).join('.*')}$`, 's');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
