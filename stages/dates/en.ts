/** English news time expressions in the TimeBank / TempEval-3 (TIMEX3) conventions. */
import type { Rule } from './engine.ts';

export const EN_FUTURE = /\b(?:will|won't|'ll|shall|would|next|coming|upcoming|scheduled|expected|expects|plans?|planned|due|until|by|tomorrow|later)\b/i;

export const EN_SPAN_PAST = /\b(?:last|ago|earlier|past|previous)\b/i;
export const EN_SPAN_FUTURE = /\b(?:next|coming|later)\b/i;

export const EN_RULES: Rule[] = [];
