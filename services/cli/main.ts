import type { CliIo } from './command.ts';
import { UsageError } from './command.ts';
import { commands } from './commands/index.ts';

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    '年报（nianbao）：政府信息公开工作年度报告工具',
    '',
    '用法：nianbao <命令> [参数]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Only unexpected failures print a stack trace. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out.write(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err.write(`不认识的命令“${name}”。\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`nianbao ${command.name}：${error.message}\n用法：nianbao ${command.usage}\n`);
      return 2;
    }
    io.err.write(`nianbao ${command.name}：内部错误，请把以下信息告诉开发者：\n${(error as Error).stack ?? String(error)}\n`);
    return 70;
  }
}
