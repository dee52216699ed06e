import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { printGatewaySchema } from '../../../src/graphql';
import { loadXdmProject, toJsonSchema } from '../../../src/xdm';

const root = join(__dirname, '../../..');

/** If one of these fails, run `npm run generate` and commit the result. */
describe('generated files are in step with xdm/', () => {
  const project = loadXdmProject();

  it('schema.graphql is what the compositions compile to', () => {
    expect(readFileSync(join(root, 'schema.graphql'), 'utf8')).toBe(printGatewaySchema(project.compositions));
  });

  it('xdm/generated holds the JSON Schema of every composition', () => {
    for (const composition of project.compositions) {
      const file = join(root, 'xdm/generated', `${composition.id}.schema.json`);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(toJsonSchema(composition));
    }
  });

  it('the codegen outputs are what graphql-codegen makes of schema.graphql: resolver types, and the console client and its manifest', () => {
    const printed = execFileSync(process.execPath, [join(root, 'test/helpers/printCodegenOutput.js')], { encoding: 'utf8' });
    const outputs = JSON.parse(printed) as { filename: string; content: string }[];
    expect(outputs.map((output) => output.filename.replace(/\\/g, '/')).sort()).toEqual([
      'console/src/gql/gql.ts',
      'console/src/gql/graphql.ts',
      'console/src/gql/index.ts',
      'console/src/gql/persisted-documents.json',
      'src/graphql/generated/types.ts',
    ]);
    for (const output of outputs) expect(readFileSync(join(root, output.filename), 'utf8')).toBe(output.content);
  });
});
