import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from './index';

/**
 * docs/asyncapi.yaml is what a vendor replacing a bouwsteen reads (docs/replacing-a-bouwsteen.md):
 * every request subject and event subject in the contracts must be a channel there, or the
 * replacement cannot know it exists.
 */
function subjectsInContracts(): string[] {
  const subjects = new Set<string>();
  for (const [name, value] of Object.entries(contracts)) {
    if (!/_(SUBJECTS|EVENTS)$/.test(name) || typeof value !== 'object' || value === null) continue;
    for (const subject of Object.values(value as Record<string, unknown>)) {
      // Request and event subjects; not wildcards such as the stream's `evt.>`.
      if (typeof subject === 'string' && /^(evt\.)?[a-z]+\.v1\.[\w.-]+$/.test(subject)) subjects.add(subject);
    }
  }
  return [...subjects].sort();
}

describe('AsyncAPI document', () => {
  const document = readFileSync(join(__dirname, '../../../docs/asyncapi.yaml'), 'utf8');
  const channels = new Set([...document.matchAll(/^ {2}([a-z][\w.-]*\.v1\.[\w.-]+):\s*$/gm)].map((match) => match[1]));

  it('finds the contracts subjects at all (guards this test itself)', () => {
    expect(subjectsInContracts().length).toBeGreaterThan(20);
  });

  it.each(subjectsInContracts())('has a channel for %s', (subject) => {
    expect(channels.has(subject)).toBe(true);
  });
});
