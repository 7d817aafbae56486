import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder that holds package.json, migrations/ and web/dist. Found by walking up rather
 * than by a fixed `..`: the same module runs from its source (`store/`) under tsx and from
 * the compiled output (`dist/store/`) in the image, one level deeper.
 */
export function findAppRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json in ${from} or any folder above it`);
  }
}

export const APP_ROOT = findAppRoot(__dirname);
