import { describe, expect, it } from 'vitest';
import { MAX_KEPT_CHARS, MAX_KEPT_UTTERANCES, keepTranscript } from './keep-transcript.js';

describe('keepTranscript', () => {
  it('keeps a normal call whole', () => {
    const transcript = [
      { role: 'agent', content: 'Guten Tag!' },
      { role: 'user', content: 'Einen Termin bitte.' },
    ];
    expect(keepTranscript(transcript)).toEqual(transcript);
  });

  it('keeps only the latest utterances of an endless transcript', () => {
    const transcript = Array.from({ length: MAX_KEPT_UTTERANCES + 500 }, (_, i) => ({ role: i % 2 ? 'user' : 'agent', content: `Satz ${i}` }));
    const kept = keepTranscript(transcript);
    expect(kept).toHaveLength(MAX_KEPT_UTTERANCES);
    expect(kept.at(-1)).toEqual(transcript.at(-1));
    expect(kept[0]).toEqual(transcript[500]);
  });

  it('bounds the characters kept, cutting a giant utterance from its start and never inside a surrogate pair', () => {
    const kept = keepTranscript([
      { role: 'user', content: 'alt' },
      { role: 'user', content: `${'😀'.repeat(MAX_KEPT_CHARS)}Ende` },
    ]);
    expect(kept).toHaveLength(1);
    const content = kept[0]!.content;
    expect(content.length).toBeLessThanOrEqual(MAX_KEPT_CHARS);
    expect(content.startsWith('…😀')).toBe(true);
    expect(content.endsWith('😀Ende')).toBe(true);
  });
});
