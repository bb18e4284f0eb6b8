/** Why a session file cannot be imported. The message is whole: it says that nothing was changed. */
export type SessionFileProblem = 'not-session' | 'truncated' | 'damaged' | 'too-new' | 'invalid';

export class SessionFileError extends Error {
  override readonly name = 'SessionFileError';
  constructor(
    readonly problem: SessionFileProblem,
    detail: string,
  ) {
    super(`Cannot import this session file: ${detail}. Nothing was changed.`);
  }
}
