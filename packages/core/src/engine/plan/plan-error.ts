/** The error thrown when a document passed lint but cannot be compiled into a plan (a lint gap). */
import { TelaioError } from '../../errors.js';

/** Throw TelaioError `document-invalid` pointing at the node that could not be compiled. */
export function planError(options: {
  uri: string;
  pointer: string;
  message: string;
  cause?: unknown;
}): never {
  throw new TelaioError('document-invalid', `${options.uri}#${options.pointer}: ${options.message}`, {
    details: { pointer: options.pointer, uri: options.uri },
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}
