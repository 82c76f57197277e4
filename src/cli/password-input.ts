/**
 * Reading a password for the CLI without it ever touching argv (visible in
 * `ps` and shell history): the first line of stdin when it is piped, or a
 * prompt that does not echo when stdin is a terminal.
 */
export interface Stdin extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

export class PasswordInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasswordInputError';
  }
}

/** The first line of a piped stdin (without its line ending); stops reading there. */
export function readFirstLine(stdin: Stdin): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (line: string | undefined): void => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', onError);
      stdin.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      const eol = text.indexOf('\n');
      if (eol !== -1) finish(text.slice(0, eol).replace(/\r$/, ''));
      else if (text.length > 4096) finish(undefined);
    };
    const onEnd = (): void => finish(text === '' ? undefined : text.replace(/\r$/, ''));
    const onError = (err: unknown): void => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}

/** Reads one line from a terminal in raw mode, echoing nothing. Ctrl-C cancels. */
export function readHidden(stdin: Stdin & { setRawMode: (mode: boolean) => unknown }): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (): void => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          done();
          reject(new PasswordInputError('Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** A new password: prompted twice on a terminal, else the first line of stdin. */
export async function readNewPassword(stdin: Stdin | undefined, say: (line: string) => void): Promise<string> {
  if (stdin?.isTTY && typeof stdin.setRawMode === 'function') {
    const tty = stdin as Stdin & { setRawMode: (mode: boolean) => unknown };
    say('New password (10 to 200 characters; not shown as you type):');
    const first = await readHidden(tty);
    say('Type it again:');
    const second = await readHidden(tty);
    if (first !== second) throw new PasswordInputError('The two passwords differ; nothing was changed.');
    return first;
  }
  const line = stdin ? await readFirstLine(stdin) : undefined;
  if (line === undefined || line === '') {
    throw new PasswordInputError('No password on stdin. Pipe it as the first line, e.g. `printf "%s\\n" "$PASSWORD" | npx dateline user …`, or run in a terminal to be asked.');
  }
  return line;
}
