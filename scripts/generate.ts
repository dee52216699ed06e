/**
 * `npm run generate`, step 1: compiles the compositions in xdm/ and writes
 * schema.graphql and the short-form JSON Schema of each composition
 * (xdm/generated/<id>.schema.json). Step 2 (graphql-codegen, codegen.yml)
 * turns schema.graphql into TypeScript types.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { printGatewaySchema } from '../src/graphql/printGatewaySchema';
import { DEFAULT_XDM_FOLDER, loadXdmProject, toJsonSchema } from '../src/xdm';

const root = resolve(__dirname, '..');
const project = loadXdmProject();
writeFileSync(join(root, 'schema.graphql'), printGatewaySchema(project.compositions));

const generated = join(DEFAULT_XDM_FOLDER, 'generated');
mkdirSync(generated, { recursive: true });
for (const file of readdirSync(generated)) rmSync(join(generated, file));
for (const composition of project.compositions) {
  writeFileSync(join(generated, `${composition.id}.schema.json`), `${JSON.stringify(toJsonSchema(composition), null, 2)}\n`);
}
console.log(
  `wrote schema.graphql and ${project.compositions.length} JSON Schemas in ${relative(root, generated)} ` +
    `from ${project.registry.size} XDM schemas (${project.compositions.map((c) => c.id).join(', ')})`,
);
