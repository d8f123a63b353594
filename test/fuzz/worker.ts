import { parentPort } from 'node:worker_threads';
import { importOutcome } from './check.ts';

/** Imports the files the fuzz runner sends, one at a time, and answers each with its outcome. */
parentPort!.on('message', async ({ bytes, name }: { bytes: Uint8Array; name: string }) => {
  parentPort!.postMessage(await importOutcome(bytes, name));
});
// Loading the importer takes seconds on a busy machine: the runner starts its watchdog only after this.
parentPort!.postMessage('ready');
