import type { FilePath } from './file-issue.js';

type JsonSchemaNode = { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; anyOf?: JsonSchemaNode[] };

/** The keys the schema allows in the object at `path` (for the hint on an unknown key); empty when none is known. */
export function knownKeysAt(schema: JsonSchemaNode, path: FilePath): string[] {
  let node: JsonSchemaNode | undefined = schema;
  for (const part of path) {
    node = branch(node, typeof part === 'number' ? 'items' : 'properties');
    node = typeof part === 'number' ? node?.items : node?.properties?.[part];
  }
  return Object.keys(branch(node, 'properties')?.properties ?? {});
}

/** A nullable or either-or value (`anyOf`): the branch that has what the path needs. */
function branch(node: JsonSchemaNode | undefined, wanted: 'items' | 'properties'): JsonSchemaNode | undefined {
  if (!node || node[wanted]) return node;
  return node.anyOf?.find((b) => b[wanted] !== undefined) ?? node;
}
