import type { StageFactory } from '../../pipeline/stage.ts';

/** First level: Intl.Segmenter per paragraph. Issue 10 raises it. */
export const createSentencesStage: StageFactory = () => ({
  name: 'sentences',
  version: '0.1.0',
  process(doc) {
    const segmenter = new Intl.Segmenter(doc.language?.lang ?? 'und', { granularity: 'sentence' });
    for (const seg of segmenter.segment(doc.text)) {
      const lead = seg.segment.length - seg.segment.trimStart().length;
      const trail = seg.segment.length - seg.segment.trimEnd().length;
      if (seg.segment.trim()) doc.sentences.push({ start: seg.index + lead, end: seg.index + seg.segment.length - trail });
    }
    doc.versions.sentences = '0.1.0';
  },
});
