/**
 * What text a tokenizer piece stands for. transformers.js' tokenizers give pieces but no character
 * offsets, so the backend recovers offsets by finding each piece's surface in the text; this reads
 * the piece conventions from tokenizer.json: WordPiece `##` continuations (BERT), SentencePiece
 * `▁` word starts (XLM-R, Metaspace), GPT-2 byte-level pieces (`Ġ`, RoBERTa).
 */
export interface PieceScheme {
  /** Marks a piece that continues the previous one (`##`); null when word starts are marked instead. */
  continuationPrefix: string | null;
  /** Suffix closing a word (`</w>` in some BPE models). */
  endOfWordSuffix: string | null;
  /** Marks a piece that starts a word (`▁`), read as a space. */
  wordStartMarker: string | null;
  /** Pieces are GPT-2 byte-level strings (each char is one byte). */
  byteLevel: boolean;
}

interface ComponentJson {
  type?: string;
  replacement?: string;
  pretokenizers?: ComponentJson[];
  decoders?: ComponentJson[];
}

function components(root: ComponentJson | null | undefined): ComponentJson[] {
  if (!root) return [];
  return [root, ...(root.pretokenizers ?? []).flatMap(components), ...(root.decoders ?? []).flatMap(components)];
}

export function pieceScheme(tokenizerJson: {
  model?: { type?: string; continuing_subword_prefix?: string | null; end_of_word_suffix?: string | null };
  pre_tokenizer?: ComponentJson | null;
  decoder?: ComponentJson | null;
}): PieceScheme {
  const model = tokenizerJson.model ?? {};
  const parts = [...components(tokenizerJson.pre_tokenizer), ...components(tokenizerJson.decoder)];
  const metaspace = parts.find((c) => c.type === 'Metaspace');
  const continuationPrefix =
    model.type === 'WordPiece' ? (model.continuing_subword_prefix ?? '##') : (model.continuing_subword_prefix ?? null);
  return {
    continuationPrefix: continuationPrefix || null,
    endOfWordSuffix: model.end_of_word_suffix || null,
    wordStartMarker: metaspace ? (metaspace.replacement ?? '\u2581') : null,
    byteLevel: parts.some((c) => c.type === 'ByteLevel'),
  };
}

/** GPT-2's byte ↔ printable-char table, inverted: char → byte. */
const BYTE_OF_CHAR: Map<string, number> = (() => {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const map = new Map<string, number>();
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const code = printable.includes(b) ? b : 256 + extra++;
    map.set(String.fromCharCode(code), b);
  }
  return map;
})();

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text a piece covers, without the markers and the spaces around it; `null` when it cannot be
 * told (a byte-level piece holding part of a character). Special and unknown tokens are the
 * caller's business.
 */
export function pieceSurface(piece: string, scheme: PieceScheme): string | null {
  let s = piece;
  if (scheme.continuationPrefix && s.startsWith(scheme.continuationPrefix) && s.length > scheme.continuationPrefix.length) {
    s = s.slice(scheme.continuationPrefix.length);
  }
  if (scheme.endOfWordSuffix && s.endsWith(scheme.endOfWordSuffix)) s = s.slice(0, -scheme.endOfWordSuffix.length);
  if (scheme.byteLevel) {
    const bytes: number[] = [];
    for (const ch of s) {
      const b = BYTE_OF_CHAR.get(ch);
      if (b === undefined) return null;
      bytes.push(b);
    }
    try {
      s = UTF8.decode(new Uint8Array(bytes));
    } catch {
      return null;
    }
  }
  if (scheme.wordStartMarker) s = s.split(scheme.wordStartMarker).join(' ');
  return s.trim();
}

/** Whether a piece carries the continuation prefix (`##ing`). */
export function isContinuation(piece: string, scheme: PieceScheme): boolean {
  return scheme.continuationPrefix !== null && piece.startsWith(scheme.continuationPrefix) && piece.length > scheme.continuationPrefix.length;
}
