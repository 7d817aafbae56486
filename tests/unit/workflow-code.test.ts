import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAppRoot } from '../../config/app-root';
import { findWorkflowCode } from '../../worker/workflow-code';

const dir = mkdtempSync(join(tmpdir(), 'duban-workflow-code-'));
const bundle = join(dir, 'workflow-bundle.js');
writeFileSync(bundle, '');
const nowhere = join(dir, 'no-such-bundle.js');

describe('findWorkflowCode', () => {
  it.each([
    ['WORKFLOW_BUNDLE_PATH names a file', bundle, nowhere, { kind: 'prebuilt', codePath: bundle }],
    ['WORKFLOW_BUNDLE_PATH names no file', nowhere, bundle, { kind: 'missing', codePath: nowhere }],
    ['a bundle was built beside the compiled code', '', bundle, { kind: 'prebuilt', codePath: bundle }],
    ['nothing was built', '', nowhere, { kind: 'source' }],
  ])('when %s, then the worker loads %j', (_case, configured, built, expected) => {
    expect(findWorkflowCode(configured, built)).toEqual(expected);
  });
});

describe('findAppRoot', () => {
  it('when started from a compiled folder two levels down, then it finds the folder with package.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'duban-root-'));
    writeFileSync(join(root, 'package.json'), '{}');
    expect(findAppRoot(join(root, 'dist', 'store'))).toBe(root);
  });

  it('when no folder above has a package.json, then it says so', () => {
    expect(() => findAppRoot('/')).toThrow(/no package.json/);
  });
});
