/**
 * How the CLI fails: one line on stderr naming the problem, and an exit code a script can test.
 *   1: a scan could not be digitised (bad scan, bad layout, unwritable output, model failure)
 *   2: the command line itself is wrong (unknown option, missing argument)
 */
import { DecodeError } from '../../io/decode';
import { LayoutInvalidError } from '../../core/calibration';
import { SegmentError } from '../../ml/errors';

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** A usage mistake: exit code 2, with a pointer to --help. */
export function usageError(message: string): CliError {
  return new CliError(`${message} (see tracewell --help)`, 2);
}

/** One line, whatever the error: newlines folded, the known error kinds without their class names. */
export function oneLine(e: unknown): string {
  let text: string;
  if (e instanceof LayoutInvalidError) text = `layout: ${e.message}`;
  else if (e instanceof CliError || e instanceof DecodeError || e instanceof SegmentError) text = e.message;
  else if (e instanceof Error) text = `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`;
  else text = String(e);
  return text.replace(/\s*\n\s*/g, '; ').trim();
}

export function exitCodeOf(e: unknown): number {
  return e instanceof CliError ? e.exitCode : 1;
}
