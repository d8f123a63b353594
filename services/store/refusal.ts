/**
 * A request the store declines (unknown id, report in the recycle bin, year taken):
 * thrown inside an operation so its transaction rolls back, returned to the caller as
 * `{ ok: false, error }` with this message.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}
