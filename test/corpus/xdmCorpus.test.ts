import { buildSchema, validateSchema } from 'graphql';
import { printGatewaySchema } from '../../src/graphql';
import {
  type CompiledComposition,
  compileComposition,
  createRecordValidator,
  loadSchemaRegistry,
  printXdmTypeDefs,
  toShortForm,
  XDM_SUPPORT_SDL,
} from '../../src/xdm';
import { ExampleComposer, listClasses, listExampleCases, listFieldGroupsOf, locateCorpus, readExample } from '../helpers/xdmCorpus';
import { INVALID_UPSTREAM_EXAMPLES } from './invalidUpstreamExamples';

/**
 * The compiler against the whole public adobe/xdm corpus (../shared/xdm).
 * Skipped, with a warning, only on a machine without the corpus; never in CI.
 */
const corpus = locateCorpus();

if (corpus === null) {
  if (process.env.CI) {
    test('the adobe/xdm corpus is present', () => {
      throw new Error('../shared/xdm is missing (or set XDM_CORPUS): the whole-corpus test must run in CI');
    });
  } else {
    console.warn('adobe/xdm corpus not found at ../shared/xdm (set XDM_CORPUS): whole-corpus tests skipped');
    test.skip('whole-corpus tests (corpus absent)', () => undefined);
  }
} else {
  const registry = loadSchemaRegistry([corpus]);
  const classes = listClasses(registry);

  /** Builds a GraphQL schema from one composition, as the gateway would, and returns graphql-js's complaints. */
  function graphqlProblems(composition: CompiledComposition): string[] {
    const sdl =
      composition.schemaClass === null
        ? `${XDM_SUPPORT_SDL}\ntype Identity { namespace: String! id: String! }\ntype Query { record: Record }\n` +
          printXdmTypeDefs([{ typeName: 'Record', object: composition.root }], { reservedTypeNames: ['Identity', 'Query'] })
        : printGatewaySchema([composition]);
    return validateSchema(buildSchema(sdl)).map((error) => error.message);
  }

  describe('every class of the corpus, alone and with each field group meant for it', () => {
    it('finds the classes and field groups of the corpus', () => {
      expect(registry.size).toBe(819);
      expect(classes.length).toBeGreaterThanOrEqual(100);
      expect(listFieldGroupsOf(registry, 'https://ns.adobe.com/xdm/context/profile').length).toBeGreaterThanOrEqual(60);
    });

    it.each(classes.map((document) => [document.id]))('%s compiles to a valid GraphQL schema and an Ajv validator', (classId) => {
      const failures: string[] = [];
      const fieldGroups = [null, ...listFieldGroupsOf(registry, classId).map((document) => document.id)];
      for (const fieldGroup of fieldGroups) {
        try {
          const composition = compileComposition(registry, {
            id: 'corpus',
            title: 'corpus',
            class: classId,
            fieldGroups: fieldGroup === null ? [] : [fieldGroup],
          });
          failures.push(...graphqlProblems(composition).map((problem) => `${fieldGroup}: ${problem}`));
          createRecordValidator(composition);
        } catch (error) {
          failures.push(`${fieldGroup}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('every example instance of a class or of a profile or event field group', () => {
    const cases = listExampleCases(corpus, registry);
    const invalid = new Map(INVALID_UPSTREAM_EXAMPLES.map(([example, path, reason]) => [example, { path, reason }]));
    const composer = new ExampleComposer(registry);

    it('finds the examples, and lists as invalid only examples that exist', () => {
      expect(cases.length).toBeGreaterThanOrEqual(400);
      const files = new Set(cases.map((example) => example.file));
      expect([...invalid.keys()].filter((file) => !files.has(file))).toEqual([]);
    });

    it.each(cases.map((example) => [example.file, example]))('%s validates, or is listed as invalid upstream', (_file, example) => {
      const instance = readExample(corpus, example);
      const composition = composer.compose(example, instance);
      const violations = createRecordValidator(composition)(toShortForm(instance, composition.root));
      const listed = invalid.get(example.file);
      if (listed === undefined) expect(violations).toEqual([]);
      else expect(violations.map((violation) => violation.path)).toContain(listed.path);
    });
  });
}
