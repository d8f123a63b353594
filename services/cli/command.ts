/** One CLI command. `run` returns the exit code; errors are written for people, not as stack traces. */
export interface CliIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

export interface CliCommand {
  readonly name: string;
  /** Usage line, e.g. `validate FILE.json [--previous LAST.json]`. */
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A failure the user caused (bad argument, unreadable file): printed as its message alone. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value`, `-o value` and positionals. `flags` lists the
 * options that take no value; any option not in `known` is refused.
 */
export function parseArgs(args: readonly string[], known: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const name = rawName.replace(/^--?/, '');
    if (!known.includes(name)) throw new UsageError(`不认识的选项 ${rawName}`);
    if (flags.includes(name)) {
      options.set(name, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`选项 ${rawName} 需要一个值`);
    }
    options.set(name, value);
  }
  return { positional, options };
}

export function requireOption(parsed: ParsedArgs, name: string, what: string): string {
  const value = parsed.options.get(name);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少 --${name}（${what}）`);
  return value;
}
