// The JSON Schemas editors use for manifests and card front matter come from the same zod schemas the
// code validates with. The files in docs/schema/ are golden files: `npm run golden` rewrites them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cardFrontMatterSchema, manifestSchema } from '../../src/config/schemas.js';

const schemaDir = join(import.meta.dirname, '..', '..', 'docs', 'schema');

function jsonSchema(schema: z.ZodType, id: string, title: string): string {
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify({ $id: id, title, ...generated }, null, 2)}\n`;
}

describe('JSON Schemas', () => {
  it('docs/schema/manifest.schema.json is the manifest schema', async () => {
    const text = jsonSchema(manifestSchema, 'https://samtale.invalid/schema/manifest.schema.json', 'samtale deck manifest');
    expect(JSON.parse(text).properties).toHaveProperty('extends');
    await expect(text).toMatchFileSnapshot(join(schemaDir, 'manifest.schema.json'));
  });

  it('docs/schema/card.schema.json is the card front matter schema', async () => {
    const text = jsonSchema(cardFrontMatterSchema, 'https://samtale.invalid/schema/card.schema.json', 'samtale card front matter');
    expect(JSON.parse(text).required).toEqual(['title', 'minutes']);
    await expect(text).toMatchFileSnapshot(join(schemaDir, 'card.schema.json'));
  });
});
