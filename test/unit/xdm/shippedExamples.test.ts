import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRecordValidator, DEFAULT_XDM_FOLDER, listFiles, loadXdmProject, resolveSchemaNode, toShortForm } from '../../../src/xdm';
import { INVALID_UPSTREAM_EXAMPLES } from '../../corpus/invalidUpstreamExamples';

/**
 * The adobe/xdm example instances of the field groups that ship (copied into
 * xdm/adobe with their schemas), validated against the shipped compositions
 * that use them, in the short form, as fragments (a field group's example is
 * not a whole record, so the class's required fields are not required).
 * Examples that are invalid upstream are listed, with why, in
 * test/corpus/invalidUpstreamExamples.ts; they must fail at the listed path.
 * The examples of a field group with one top-level field (identitymap,
 * external-source-system-audit-details) show that field's value: they are
 * validated as that field.
 */
describe('the example instances of the shipped field groups', () => {
  const project = loadXdmProject();
  const adobe = join(DEFAULT_XDM_FOLDER, 'adobe');
  const invalid = new Map(INVALID_UPSTREAM_EXAMPLES.map(([example, path]) => [example, path]));
  const cases = project.compositions.flatMap((composition) =>
    composition.fieldGroupIds.flatMap((fieldGroupId) => {
      const document = project.registry.has(fieldGroupId) ? project.registry.get(fieldGroupId) : undefined;
      if (document === undefined || !document.source.includes('xdm/adobe/')) return [];
      const stem = document.source.slice(document.source.indexOf('xdm/adobe/') + 'xdm/adobe/'.length).replace(/\.schema\.json$/, '');
      return listFiles(adobe)
        .map((file) => relative(adobe, file))
        .filter((file) => file.startsWith(`${stem}.example.`))
        .map((example) => [`${composition.id}: ${example}`, composition.id, example, fieldGroupId] as const);
    }),
  );

  it('finds the examples of every shipped adobe field group', () => {
    expect(new Set(cases.map(([, , example]) => example.replace(/\.example\.\d+\.json$/, ''))).size).toBe(9);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s validates, or is listed as invalid upstream', (_name, compositionId, example, fieldGroupId) => {
    const composition = project.compositions.find((candidate) => candidate.id === compositionId)!;
    const fragment = { ...composition, root: { ...composition.root, required: new Set<string>() } };
    const instance = JSON.parse(readFileSync(join(adobe, example), 'utf8')) as Record<string, unknown>;
    const document = project.registry.get(fieldGroupId);
    const own = resolveSchemaNode(project.registry, document, document.schema, '');
    const [only, ...others] = own?.kind === 'object' ? [...own.fields.values()] : [];
    const showsValueOfOnlyField = only !== undefined && others.length === 0 && !(only.sourceKey in instance) && !(only.key in instance);
    const record = toShortForm(showsValueOfOnlyField ? { [only.sourceKey]: instance } : instance, fragment.root);
    const violations = createRecordValidator(fragment)(record);
    const listedPath = invalid.get(example);
    if (listedPath === undefined) expect(violations).toEqual([]);
    else expect(violations.map((violation) => violation.path)).toContain(listedPath);
  });
});
