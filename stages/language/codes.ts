/**
 * ISO 639-3 → ISO 639-1 for the languages franc and the model name, macrolanguage members mapped
 * to their macrolanguage's two-letter code (arb → ar, cmn → zh, pes → fa, nob → nb, ...).
 * A code without a 639-1 equivalent stays 639-3.
 */
const TO_639_1: Record<string, string> = {
  afr: 'af', als: 'sq', sqi: 'sq', amh: 'am', arb: 'ar', ara: 'ar', ayr: 'ay', azj: 'az', aze: 'az', bam: 'bm',
  bel: 'be', ben: 'bn', bod: 'bo', bos: 'bs', bul: 'bg', cat: 'ca', ces: 'cs', cmn: 'zh', zho: 'zh', cym: 'cy',
  dan: 'da', deu: 'de', ekk: 'et', est: 'et', ell: 'el', eng: 'en', epo: 'eo', eus: 'eu', ewe: 'ee', fas: 'fa',
  pes: 'fa', prs: 'fa', fin: 'fi', fra: 'fr', fuf: 'ff', fuv: 'ff', ful: 'ff', gle: 'ga', glg: 'gl', guj: 'gu',
  hat: 'ht', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ibo: 'ig', iii: 'ii', ind: 'id',
  isl: 'is', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kat: 'ka', kaz: 'kk', khk: 'mn', mon: 'mn', khm: 'km',
  kin: 'rw', kir: 'ky', kng: 'kg', kon: 'kg', kor: 'ko', lao: 'lo', lat: 'la', lin: 'ln', lit: 'lt', lug: 'lg',
  lua: 'lu', lvs: 'lv', lav: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk', mri: 'mi', mya: 'my', nld: 'nl', nno: 'nn',
  nob: 'nb', nor: 'no', npi: 'ne', nep: 'ne', nya: 'ny', ori: 'or', pan: 'pa', pbu: 'ps', pus: 'ps', pol: 'pl',
  por: 'pt', quy: 'qu', quz: 'qu', qug: 'qu', que: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sag: 'sg', sin: 'si',
  slk: 'sk', slv: 'sl', sna: 'sn', som: 'so', sot: 'st', spa: 'es', srp: 'sr', ssw: 'ss', sun: 'su', swe: 'sv',
  swh: 'sw', swa: 'sw', tam: 'ta', tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti', tsn: 'tn',
  tso: 'ts', tuk: 'tk', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur', uzn: 'uz', uzb: 'uz', ven: 've', vie: 'vi',
  wol: 'wo', xho: 'xh', ydd: 'yi', yid: 'yi', yor: 'yo', zlm: 'ms', zsm: 'ms', msa: 'ms', zul: 'zu', ckb: 'ku',
  kmr: 'ku', kur: 'ku', plt: 'mg', mlg: 'mg', zyb: 'za', koi: 'kv', sco: 'sco', nds: 'nds',
};

/** The ISO 639-1 code of a 639-1 or 639-3 code where one exists, else the code itself (lower-cased). */
export function toIso6391(code: string): string {
  const lower = code.toLowerCase();
  return TO_639_1[lower] ?? lower;
}
