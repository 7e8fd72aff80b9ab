import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { FilePath } from './file-issue.js';

/**
 * The line a path points at in a parsed file: the line that names its key (a list below the key starts on the
 * next line, but the key is what the reader looks for), or of its entry in a list; for a missing key, the line of
 * the nearest thing above it that exists (the map it is missing from).
 */
export function lineOf(doc: Document, lines: LineCounter, path: FilePath): number | null {
  let node: unknown = doc.contents;
  let line = startLine(node, lines);
  for (const [i, part] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
      if (!pair) return line;
      const keyLine = startLine(pair.key, lines) ?? line;
      if (last) return keyLine;
      node = pair.value;
      line = startLine(node, lines) ?? keyLine;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (node === undefined) return line;
      line = startLine(node, lines) ?? line;
    } else return line;
  }
  return line;
}

function startLine(node: unknown, lines: LineCounter): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? lines.linePos(range[0]).line : null;
}
