import { readFileSync } from 'fs';
import { loadSchemaRegistry, listFiles, compileComposition, createRecordValidator, toShortForm, XdmCompileError, PROFILE_CLASS_ID, EXPERIENCE_EVENT_CLASS_ID } from '../src/xdm';
import type { CompiledComposition } from '../src/xdm';
const corpus = '/work/shared/xdm';
const reg = loadSchemaRegistry([corpus]);
const byFile = new Map(reg.documents().map(d => [d.source.replace(/^.*?shared\/xdm\//, ''), d]));
const docs = reg.documents();
const isClass = (s: any) => (s['meta:extends'] ?? []).some((x: string) => /xdm\/data\/(record|time-series|adhoc)$/.test(x));
const bare = new Map<string, Set<string>>();
function classComposition(classId: string, example: any): CompiledComposition {
  const base = compileComposition(reg, { id: 'c', title: 'c', class: classId, fieldGroups: [] });
  const used = new Set(Object.keys(toShortForm(example, { kind: 'any', reason: 'free-form' }) as any).map(k => k.replace(/^xdm:/, '').replace(/^@/, '_')));
  const fgs = docs.filter(d => (d.schema['meta:intendedToExtend'] ?? []).includes(classId)).map(d => d.id).filter(fg => {
    const c = compileComposition(reg, { id: 'c', title: 'c', class: classId, fieldGroups: [fg] });
    return [...c.root.fields.keys()].some(k => !base.root.fields.has(k) && used.has(k));
  });
  let kept: string[] = [];
  for (const fg of fgs) { try { compileComposition(reg, { id: 'c', title: 'c', class: classId, fieldGroups: [...kept, fg] }); kept.push(fg); } catch (e) { if (!(e instanceof XdmCompileError)) throw e; } }
  return compileComposition(reg, { id: 'c', title: 'c', class: classId, fieldGroups: kept });
}
const allKeys = new Set<string>();
(function walk(n: any): void { if (Array.isArray(n)) { n.forEach(walk); return; } if (n && typeof n === 'object') { for (const [k, v] of Object.entries(n)) { if (k === 'properties' && v && typeof v === 'object') Object.keys(v as object).forEach(x => allKeys.add(x)); walk(v); } } })(docs.map(d => d.schema));
let total = 0, pass = 0; const fails: string[] = [];
for (const file of listFiles(corpus).filter(f => /\.example\.\d+\.json$/.test(f))) {
  const rel = file.replace(corpus + '/', '');
  const schemaRel = rel.replace(/\.example\.\d+\.json$/, '.schema.json');
  const doc = byFile.get(schemaRel); if (!doc) { continue; }
  let comp: CompiledComposition; let fragment = false;
  if (isClass(doc.schema)) { comp = classComposition(doc.id, JSON.parse(readFileSync(file, 'utf8'))); }
  else { const ite: string[] = doc.schema['meta:intendedToExtend'] as any ?? []; const cls = ite.includes(PROFILE_CLASS_ID) ? PROFILE_CLASS_ID : ite.includes(EXPERIENCE_EVENT_CLASS_ID) ? EXPERIENCE_EVENT_CLASS_ID : null; if (!cls) continue; comp = compileComposition(reg, { id: 'f', title: 'f', class: cls, fieldGroups: [doc.id] }); fragment = true; }
  total++;
  const root = fragment ? { ...comp.root, required: new Set<string>() } : comp.root;
  const v = createRecordValidator({ ...comp, root });
  const inst = toShortForm(JSON.parse(readFileSync(file, 'utf8')), root);
  const errs = v(inst);
  if (errs.length === 0) { pass++; continue; }
  const cats = errs.map(e => { if (e.rule === 'additionalProperties') { const key = e.path.match(/(?:\.|\[")([^.\["]+)"?\]?$/)?.[1] ?? e.path; return (allKeys.has(key) ? 'ADDL-DEFINED-ELSEWHERE ' : 'ADDL-UNDEFINED ') + key; } return e.rule.toUpperCase() + ' ' + e.message; });
  fails.push(`${rel}\t${[...new Set(cats)].join(' | ')}`);
}
console.log('total', total, 'pass', pass, 'fail', fails.length);
require('fs').writeFileSync('/tmp/scratch/fails.txt', fails.join('\n') + '\n');
