import type { CliCommand } from '../command.ts';
import { backupCommand } from './backup.ts';
import { exportDocxCommand } from './exportDocx.ts';
import { exportHtmlCommand } from './exportHtml.ts';
import { exportPdfCommand } from './exportPdf.ts';
import { exportJsonCommand } from './exportJson.ts';
import { exportXlsxCommand } from './exportXlsx.ts';
import { figuresCommand } from './figures.ts';
import { importCommand } from './import.ts';
import { importJsonCommand } from './importJson.ts';
import { listCommand } from './list.ts';
import { newCommand } from './new.ts';
import { reviewCommand } from './review.ts';
import { sumCommand } from './sum.ts';
import { validateCommand } from './validate.ts';

/** Every CLI command, in the order `nianbao help` lists them. Add a command here. */
export const commands: readonly CliCommand[] = [validateCommand, newCommand, listCommand, exportJsonCommand, importJsonCommand, backupCommand, exportDocxCommand, exportPdfCommand, exportHtmlCommand, exportXlsxCommand, importCommand, figuresCommand, reviewCommand, sumCommand];
