import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/analyze';
import { CliError, EXIT } from '../../../src/cli/cli_error';

function usageError(argv: string[]): CliError {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a usage error');
}

describe('analyze argument parsing', () => {
  it('defaults to the full model and stdout', () => {
    expect(parseArgs(['clip.mp4'])).toEqual({ input: 'clip.mp4', model: 'full', depthTarget: 'parallel', out: null, quiet: false });
  });

  it('takes --model and --out in both spellings', () => {
    expect(parseArgs(['--model', 'lite', 'clip.mov', '--out', 'a.json'])).toMatchObject({ model: 'lite', out: 'a.json', input: 'clip.mov' });
    expect(parseArgs(['clip.mov', '--model=full', '--out=b.json'])).toMatchObject({ model: 'full', out: 'b.json' });
  });

  it('takes the depth the lifter aims for with --depth', () => {
    expect(parseArgs(['clip.mp4', '--depth', 'above'])).toMatchObject({ depthTarget: 'above_parallel' });
    expect(parseArgs(['clip.mp4', '--depth=full'])).toMatchObject({ depthTarget: 'full' });
    expect(parseArgs(['--depth', 'parallel', 'clip.mp4'])).toMatchObject({ depthTarget: 'parallel', input: 'clip.mp4' });
  });

  it('takes two videos of one set', () => {
    expect(parseArgs(['front.mp4', 'side.mp4', '--out', 'set.json'])).toEqual({ input: 'front.mp4', second: 'side.mp4', model: 'full', depthTarget: 'parallel', out: 'set.json', quiet: false });
  });

  it('answers --help', () => {
    expect(parseArgs(['--help'])).toBe('help');
  });

  it.each([
    [[], /no input/],
    [['a.mp4', '--model', 'heavy'], /lite or full/],
    [['a.mp4', '--model'], /lite or full/],
    [['a.mp4', '--out'], /needs a file/],
    [['a.mp4', '--depth', 'deep'], /above, parallel or full/],
    [['a.mp4', '--fast'], /unknown option --fast/],
    [['a.mp4', 'b.mp4', 'c.mp4'], /at most two inputs/],
  ])('rejects %j with a usage message', (argv, message) => {
    const e = usageError(argv as string[]);
    expect(e.exitCode).toBe(EXIT.usage);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/usage: npm run analyze/);
  });
});
