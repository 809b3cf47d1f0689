// How the web editor reads and writes the project's files (Decap CMS custom formats).
//
// Decap's own formats re-serialise a whole file on every save: YAML comments vanish, long lines
// are folded, flow lists change style. These formats keep the file as read (in the entry, under
// SOURCE) and change only the YAML nodes whose values an editor changed, with the `yaml` library's
// document model; an unchanged entry is written back byte for byte. Markdown bodies are text.
//
// Plain functions over a YAML library object, so that tests run them in Node on every data file.

export const SOURCE = '__source'; // the file as read; never written
export const LABEL = '_label'; // a chapter's title in both languages, for the list; never written
const NEW_FILE = 'new_file'; // a new chapter's file name; only used for its path, never written
const OPTIONS = { lineWidth: 0, flowCollectionPadding: false, blockQuote: 'literal' };
const KEY = /^[a-z][a-z0-9_]*$/;
const FRONT_MATTER = /^---\n([\s\S]*?\n)?---\n/;
const HEADING = /^#\s+(.+?)\s*(?:\{#[^}]*\})?\s*$/m;
const REFERENCE = /\{\{\s*([a-z_]+\.[a-z0-9_]+)\s*\}\}/g;

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isEmpty(value) {
  return value === undefined || value === null || value === '';
}

function equal(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter(k => !isEmpty(a[k]) || !isEmpty(b[k])));
    return [...keys].every(k => equal(a[k], b[k]));
  }
  return a === b;
}

export function makeFormats(YAML, settings = {}) {
  // Fields of new records in the schema's order (the editor keeps them in the order they were filled).
  const order = settings.order || [];
  const rank = key => (order.indexOf(key) + 1 || order.length + 1);
  function ordered(value) {
    if (Array.isArray(value)) return value.map(ordered);
    if (!isObject(value)) return value;
    const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
    return Object.fromEntries(keys.map(key => [key, ordered(value[key])]));
  }

  // A new node in the file's own style: key lists in flow style, paragraphs as literal blocks.
  function create(doc, value) {
    const node = doc.createNode(ordered(value));
    YAML.visit(node, {
      Seq(_, seq) {
        if (seq.items.length && seq.items.every(i => YAML.isScalar(i) && KEY.test(String(i.value)))) seq.flow = true;
      },
      Scalar(_, scalar) {
        if (typeof scalar.value === 'string' && scalar.value.includes('\n')) scalar.type = YAML.Scalar.BLOCK_LITERAL;
      },
    });
    return node;
  }

  // Change `node` in place to hold `value`; untouched parts keep their comments and layout.
  function update(doc, node, value) {
    if (node && equal(node.toJSON(), value)) return node;
    if (YAML.isMap(node) && isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (isEmpty(item)) {
          if (node.has(key)) node.delete(key);
        } else if (node.has(key)) {
          const pair = node.items.find(p => String(p.key?.value ?? p.key) === key);
          pair.value = update(doc, pair.value, item);
        } else {
          node.set(doc.createNode(key), create(doc, item));
        }
      }
      for (const pair of [...node.items]) {
        const key = String(pair.key?.value ?? pair.key);
        if (!(key in value)) node.delete(key);
      }
      return node;
    }
    if (YAML.isSeq(node) && Array.isArray(value)) {
      const old = node.items;
      const spaced = old.length > 1 && old.slice(1).every(item => item.spaceBefore);
      // Records with an id keep their node when others are added, removed or moved.
      const byId = new Map(old.filter(i => YAML.isMap(i) && i.has('id')).map(i => [i.get('id'), i]));
      node.items = value.map((item, index) => {
        const match = isObject(item) && byId.size ? byId.get(item.id) : old[index];
        if (match) return update(doc, match, item);
        const created = create(doc, item);
        if (spaced && index > 0) created.spaceBefore = true;
        return created;
      });
      return node;
    }
    if (YAML.isScalar(node) && !isObject(value) && !Array.isArray(value)) {
      node.value = value;
      if (typeof value === 'string' && value.includes('\n')) node.type = YAML.Scalar.BLOCK_LITERAL;
      return node;
    }
    return create(doc, value);
  }

  // Write `data` over the YAML text it was read from.
  function writeYaml(source, data) {
    if (source === undefined) return YAML.stringify(data, OPTIONS);
    const doc = YAML.parseDocument(source);
    if (equal(doc.toJSON() ?? {}, data)) return source;
    doc.contents = update(doc, doc.contents, data);
    return doc.toString(OPTIONS);
  }

  function strip(data) {
    const rest = { ...data };
    for (const key of [SOURCE, LABEL, NEW_FILE]) delete rest[key];
    return rest;
  }

  // The page list shows each chapter under its titles in both languages (from the page table).
  function chapterLabel(body) {
    const match = HEADING.exec(body);
    if (!match) return '';
    const references = settings.references || {};
    const resolved = lang => match[1].replace(REFERENCE, (all, name) => references[name]?.[lang] ?? all);
    const chapter = (settings.chapters || []).find(
      c => c.title.de === resolved('de') || c.title.nl === resolved('nl'));
    if (!chapter) return resolved('de');
    return chapter.title.de === chapter.title.nl ? chapter.title.de : `${chapter.title.de} · ${chapter.title.nl}`;
  }

  const markdown = {
    fromFile(content) {
      const match = FRONT_MATTER.exec(content);
      const front = match ? YAML.parse(match[1] || '') || {} : {};
      const body = match ? content.slice(match[0].length) : content;
      return { ...front, body, [LABEL]: chapterLabel(body), [SOURCE]: content };
    },
    toFile(data) {
      const { body = '', ...front } = strip(data);
      const source = data[SOURCE];
      const match = source === undefined ? null : FRONT_MATTER.exec(source);
      let head;
      if (match) {
        head = writeYaml(match[1] || '', front);
      } else {
        const filled = Object.fromEntries(Object.entries(front).filter(([, v]) => !isEmpty(v)));
        head = Object.keys(filled).length ? YAML.stringify(filled, OPTIONS) : '';
      }
      // A body is text: written as the editor left it, with the file's final newline.
      const text = body.endsWith('\n') || body === '' ? body : `${body}\n`;
      const prefix = head ? `---\n${head}---\n` : '';
      return prefix + (source === undefined && head && !text.startsWith('\n') ? '\n' : '') + text;
    },
  };

  const yaml = {
    fromFile(content) {
      return { ...(YAML.parse(content) || {}), [SOURCE]: content };
    },
    toFile(data) {
      return writeYaml(data[SOURCE], strip(data));
    },
  };

  // data/site.yaml: a fact is one text for both languages, a pair, or {placeholder: {de, nl}}. The
  // editor shows every fact as a German and a Dutch text; empty ones keep their placeholder.
  function factToEditor(value) {
    if (typeof value === 'string') return { de: value, nl: value };
    if (isObject(value) && 'placeholder' in value) return { de: '', nl: '' };
    return value;
  }

  function factFromEditor(edited, original) {
    if (equal(edited, factToEditor(original))) return original;
    const de = (edited?.de ?? '').trim();
    const nl = (edited?.nl ?? '').trim();
    if (!de && !nl) return original;
    if (de === nl) return de;
    return { de, nl };
  }

  const mapGroups = (data, map) => Object.fromEntries(Object.entries(data).map(([group, facts]) => [
    group, isObject(facts) ? Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, map(v, group, k)])) : facts,
  ]));

  const site = {
    fromFile(content) {
      const data = YAML.parse(content) || {};
      return { ...mapGroups(data, factToEditor), [SOURCE]: content };
    },
    toFile(data) {
      const original = YAML.parse(data[SOURCE]) || {};
      const edited = strip(data);
      const merged = mapGroups(edited, (v, group, key) => factFromEditor(v, original[group]?.[key]));
      return writeYaml(data[SOURCE], merged);
    },
  };

  return { markdown, yaml, site };
}
