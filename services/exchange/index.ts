/** Exchange files (`*.nianbao`): one report, versioned and checksummed, for sending between offices. */
export { EXCHANGE_EXTENSION, EXCHANGE_FORMAT_VERSION, readExchangeFile, writeExchangeFile } from './exchangeFile.ts';
export type { ExchangeContents } from './exchangeFile.ts';
export { exportExchangeFile, importExchangeFile } from './transfer.ts';
