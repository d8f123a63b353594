import { importExchangeFile } from '../../exchange/index.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { DATA_DIR_OPTION, storeFailure, withStore } from '../storeAccess.ts';

const NAME = 'import-json';

export const importJsonCommand: CliCommand = {
  name: NAME,
  usage: 'import-json FILE.nianbao [--data-dir DIR]',
  summary: '导入交换文件；版本、校验和或内容有问题则拒绝，数据不变',
  async run(args, io) {
    const parsed = parseArgs(args, [DATA_DIR_OPTION]);
    const [file, ...extra] = parsed.positional;
    if (!file || extra.length) throw new UsageError('请给出一个交换文件：nianbao import-json FILE.nianbao');
    return withStore(parsed, io, { command: NAME, readOnly: false }, async (store) => {
      const imported = await importExchangeFile(store, { path: file });
      if (!imported.ok) return storeFailure(io, NAME, imported.error);
      const { summary, created } = imported.value;
      const how = created ? '新建' : '已有报告的内容已替换，原内容保留在版本记录中';
      io.out.write(`已导入：“${summary.agencyName}”${summary.year}年度报告（编号${summary.id}，${how}）\n`);
      return 0;
    });
  },
};
