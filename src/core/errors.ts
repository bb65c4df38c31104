/**
 * The two ways a command stops without an error to show:
 * - `Cancelled`: the person dismissed a question (Escape on a picker, Cancel on a modal);
 * - `AlreadyReported`: the flow has told the person what went wrong in its own words already.
 * The command wrapper stays silent for both.
 */

export class Cancelled extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'Cancelled';
  }
}

export class AlreadyReported extends Error {
  constructor(message = 'Already reported to the user') {
    super(message);
    this.name = 'AlreadyReported';
  }
}

export function isSilentStop(err: unknown): boolean {
  return err instanceof Cancelled || err instanceof AlreadyReported;
}
