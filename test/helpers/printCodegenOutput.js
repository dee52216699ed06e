// Prints, as JSON, what graphql-codegen would write for codegen.yml, without writing it.
// Runs in its own Node process: the codegen CLI needs require(esm), which jest's module runtime lacks.
const { join } = require('node:path');
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');

const root = join(__dirname, '../..');
loadCodegenConfig({ configFilePath: join(root, 'codegen.yml') })
  .then(({ config }) => generate({ ...config, cwd: root, silent: true }, false))
  .then((outputs) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
