// The web editor: Decap CMS with the project's file formats (formats.js), configured by config.yml.
import YAML from './yaml/index.js';
import { makeFormats } from './formats.js';

const settings = await fetch('wegweiser.json').then(response => response.json());
const formats = makeFormats(YAML, settings);
const CMS = window.DecapCms;
CMS.registerCustomFormat('wegweiser-markdown', 'md', formats.markdown);
CMS.registerCustomFormat('wegweiser-yaml', 'yaml', formats.yaml);
CMS.registerCustomFormat('wegweiser-site', 'yaml', formats.site);
// The editor's own words in German or Dutch, by the browser's first language; the content is always both.
const config = YAML.parse(await fetch('config.yml').then(response => response.text()));
config.locale = (navigator.language || '').startsWith('nl') ? 'nl' : 'de';
CMS.init({ config: { ...config, load_config_file: false } });
