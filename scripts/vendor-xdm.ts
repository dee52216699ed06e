/**
 * Copies into `xdm/adobe/` exactly the adobe/xdm schema files that the
 * project's compositions need (their classes, field groups and everything
 * these reference, transitively), with the corpus license, and writes
 * `xdm/NOTICE`. The example instances beside each copied schema come too. Files no longer needed are removed.
 *
 *   npm run vendor-xdm -- [--from ../shared/xdm]
 *
 * Run it after adding a field group to a composition; the gateway itself never
 * reads the corpus.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_XDM_FOLDER, listFiles, listSchemaFiles, loadCompositions } from '../src/xdm';

function main(argv: readonly string[]): void {
  const fromIndex = argv.indexOf('--from');
  const corpus = resolve(fromIndex === -1 ? join(DEFAULT_XDM_FOLDER, '../../shared/xdm') : String(argv[fromIndex + 1]));
  const target = join(DEFAULT_XDM_FOLDER, 'adobe');

  const corpusFiles = new Map<string, string>();
  for (const file of listSchemaFiles(corpus)) corpusFiles.set(readId(file), file);
  const tenantIds = new Set(listSchemaFiles(join(DEFAULT_XDM_FOLDER, 'tenant')).map(readId));
  const tenantFiles = listSchemaFiles(join(DEFAULT_XDM_FOLDER, 'tenant'));

  const needed = new Set<string>();
  const queue: string[] = [];
  for (const composition of loadCompositions(join(DEFAULT_XDM_FOLDER, 'compositions'))) {
    queue.push(composition.class, ...composition.fieldGroups);
  }
  // Tenant field groups may reference adobe data types too.
  for (const file of tenantFiles) queue.push(...references(JSON.parse(readFileSync(file, 'utf8'))));
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (needed.has(id) || tenantIds.has(id)) continue;
    const file = corpusFiles.get(id);
    if (file === undefined) throw new Error(`${id} is neither in ${corpus} nor in xdm/tenant`);
    needed.add(id);
    queue.push(...references(JSON.parse(readFileSync(file, 'utf8'))));
  }

  rmSync(target, { recursive: true, force: true });
  for (const id of [...needed].sort()) {
    const file = corpusFiles.get(id) as string;
    const destination = join(target, relative(corpus, file));
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(file, destination);
    // The upstream example instances beside each schema come along: tests validate them.
    const stem = file.slice(0, -'.schema.json'.length);
    for (const example of listFiles(dirname(file)).filter((path) => path.startsWith(`${stem}.example.`) && dirname(path) === dirname(file))) {
      copyFileSync(example, join(target, relative(corpus, example)));
    }
  }
  copyFileSync(join(corpus, 'LICENSE'), join(target, 'LICENSE'));
  writeFileSync(join(DEFAULT_XDM_FOLDER, 'NOTICE'), notice(needed.size));
  console.log(`copied ${needed.size} schema files from ${corpus} into ${relative(process.cwd(), target)}`);
}

function readId(file: string): string {
  return String((JSON.parse(readFileSync(file, 'utf8')) as { $id?: unknown }).$id);
}

/** The `$id`s a schema document references (the part of each `$ref` before `#`). */
function references(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(references);
  if (node === null || typeof node !== 'object') return [];
  const ids: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) ids.push(value.split('#')[0] as string);
    else ids.push(...references(value));
  }
  return ids;
}

function notice(count: number): string {
  return `This folder contains ${count} schema files copied unchanged from the Experience Data Model (XDM)
definitions published by Adobe Systems Incorporated in the public adobe/xdm repository
(xdm/adobe/), licensed under the Creative Commons Attribution 4.0 International license
(CC BY 4.0, see xdm/adobe/LICENSE). Copyright Adobe Systems Incorporated.

The compositions (xdm/compositions/) and tenant field groups (xdm/tenant/) are this project's own.
`;
}

main(process.argv.slice(2));
