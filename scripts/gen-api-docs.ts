import { writeFileSync } from 'node:fs';
import { renderApiDocs } from '../main/web/api-docs';

writeFileSync('docs/api.md', renderApiDocs());
console.log('wrote docs/api.md');
