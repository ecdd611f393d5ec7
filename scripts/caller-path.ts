import { resolve } from 'node:path';

/**
 * `npm run` starts scripts in the package root, but a person typing a relative path means the directory they typed
 * it in, which npm passes on as INIT_CWD.
 */
export function fromCallerDir(path: string): string {
  const callerDir = process.env.npm_lifecycle_event ? process.env.INIT_CWD : undefined;
  return resolve(callerDir ?? process.cwd(), path);
}
