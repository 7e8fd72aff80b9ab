import type { Directory } from '../booking/load-directory.js';
import type { ServiceResolution } from './resolve-names.js';
import { speakList } from '../german/speak/speak.js';
import type { ToolResult } from './tool-context.js';

/** The answer when the caller named no service we can pin down: the closest options, or what we offer. */
export function unknownService(resolution: Exclude<ServiceResolution, { kind: 'found' }>, directory: Directory): ToolResult {
  if (resolution.kind === 'ambiguous') {
    return { ok: false, error: 'ambiguous_service', result: `Meinen Sie ${speakList(resolution.options.map((s) => s.name))}?`, options: resolution.options.map((s) => s.name) };
  }
  return { ok: false, error: 'unknown_service', result: `Das bieten wir leider nicht an. Bei uns gibt es ${speakList(directory.services.map((s) => s.name), 'und')}.`, options: directory.services.map((s) => s.name) };
}
