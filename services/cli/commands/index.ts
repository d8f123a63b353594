import type { CliCommand } from '../command.ts';
import { newCommand } from './new.ts';
import { validateCommand } from './validate.ts';

/** Every CLI command, in the order `nianbao help` lists them. Add a command here. */
export const commands: readonly CliCommand[] = [validateCommand, newCommand];
