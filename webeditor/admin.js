// The web editor: Decap CMS with the project's file formats (formats.js), configured by config.yml.
import YAML from './yaml/index.js';
import { makeFormats } from './formats.js';

const settings = await fetch('wegweiser.json').then(response => response.json());
const formats = makeFormats(YAML, settings);
const CMS = window.DecapCms;
CMS.registerCustomFormat('wegweiser-markdown', 'md', formats.markdown);
CMS.registerCustomFormat('wegweiser-yaml', 'yaml', formats.yaml);
CMS.registerCustomFormat('wegweiser-site', 'yaml', formats.site);
CMS.init();
