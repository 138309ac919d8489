import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderApiDocs } from '../../main/web/api-docs';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/contract';

describe('docs/api.md', () => {
  it('matches the contract (regenerate with npm run docs:api)', () => {
    expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApiDocs());
  });

  it('documents every channel and event', () => {
    const doc = renderApiDocs();
    for (const name of [...CHANNEL_NAMES, ...EVENT_NAMES]) expect(doc).toContain(`### \`${name}\``);
  });
});
