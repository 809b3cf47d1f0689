// Runs the web editor's file formats (webeditor/formats.js) in Node for tests/test_cms.py: reads
// [{format, content, set: [[path, value]], push: [[path, value]]}] as JSON on stdin and prints, per
// case, the file that the editor would write after those edits of the entry's data.
import YAML from 'yaml';
import { makeFormats } from '../webeditor/formats.js';

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const formats = makeFormats(YAML, input.settings || {});

function target(data, path) {
  const parts = [...path];
  const last = parts.pop();
  return [parts.reduce((node, key) => node[key], data), last];
}

const results = input.cases.map(({ format, content, set = [], push = [] }) => {
  const data = structuredClone(formats[format].fromFile(content));
  for (const [path, value] of set) { const [node, key] = target(data, path); node[key] = value; }
  for (const [path, value] of push) { const [node, key] = target(data, path); node[key].push(value); }
  return { file: formats[format].toFile(data), label: data._label ?? null };
});
process.stdout.write(JSON.stringify(results));
