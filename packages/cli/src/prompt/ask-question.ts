import { Writable } from 'node:stream';

/** How to ask. */
export interface AskOptions {
  readonly input?: NodeJS.ReadStream;
  readonly output?: NodeJS.WriteStream;
  /** Do not echo what is typed (for secret-looking names). */
  readonly hidden?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Asks one question on the terminal and resolves with the line typed. Hidden answers are not echoed:
 * readline writes through a stream that is muted once the question is shown. Rejects when `signal`
 * aborts or the input ends (Ctrl-D).
 */
export function askQuestion(question: string, options: AskOptions = {}): Promise<string> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  let muted = false;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) output.write(chunk);
      callback();
    },
  });
  // node:readline on first question only: a run that asks nothing never loads it (~7M instructions).
  const { createInterface } = process.getBuiltinModule('node:readline');
  const rl = createInterface({ input, output: sink, terminal: input.isTTY === true });
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    const onAbort = (): void => {
      rl.close();
      reject(options.signal?.reason ?? new Error('aborted'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    rl.on('SIGINT', () => {
      // Ctrl-C at a prompt stops the run as Ctrl-C elsewhere does.
      output.write('\n');
      rl.close();
      process.emit('SIGINT');
    });
    rl.on('close', () => {
      options.signal?.removeEventListener('abort', onAbort);
      if (!answered)
        reject(
          Object.assign(new Error('no answer (input closed or interrupted)'), { code: 'prompt-closed' }),
        );
    });
    rl.question(question, (answer) => {
      answered = true;
      if (options.hidden === true) output.write('\n');
      rl.close();
      resolve(answer);
    });
    muted = options.hidden === true;
  });
}
