// Prints, as JSON, what graphql-codegen would write for a configuration file (codegen.yml of the
// project's root by default, or the file named as the first argument), without writing it; paths are
// relative to the configuration's folder.
// Runs in its own Node process: the codegen CLI needs require(esm), which jest's module runtime lacks.
const { dirname, join, resolve } = require('node:path');
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');

const configFilePath = process.argv[2] === undefined ? join(__dirname, '../..', 'codegen.yml') : resolve(process.argv[2]);
const cwd = dirname(configFilePath);
loadCodegenConfig({ configFilePath })
  .then(({ config }) => generate({ ...config, cwd, silent: true }, false))
  .then((outputs) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
