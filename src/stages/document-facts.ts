export type DocType = '部门决算' | '单位决算' | '部门预算' | '单位预算';

export interface DocumentFacts {
  readonly org: string | null;
  readonly year: number | null;
  readonly docType: DocType | null;
  /** Offsets (normal text) of the title the facts came from. */
  readonly titleStart: number | null;
  readonly titleEnd: number | null;
}

const ORG_CHARS = '[\\u4e00-\\u9fff()（）]';
/** ORG 2018年度部门决算 / ORG2025年部门预算 */
const ORG_FIRST = new RegExp(`(${ORG_CHARS}{2,40}?)\\s*((?:19|20)\\d{2})\\s*年\\s*度?\\s*(?:[\\u4e00-\\u9fff]{0,6}?)(部门|单位)?\\s*(?:汇总)?\\s*(决算|预算)`, 'u');
/** 2021年ORG部门决算 */
const YEAR_FIRST = new RegExp(`((?:19|20)\\d{2})\\s*年\\s*度?\\s*(${ORG_CHARS}{2,40}?)\\s*(部门|单位)?\\s*(决算|预算)`, 'u');
const YEAR_ONLY = /((?:19|20)\d{2})\s*年\s*度?\s*(部门|单位)?\s*(决算|预算)/u;

/** Words that end a title's organisation name but are not part of it. */
const ORG_NOISE = /^(?:关于|公开|部门|单位|本|我|名称|来源|发布|公布|附件|\d)+|(?:关于|的|公开)+$/gu;
const ORG_SUFFIX = /(?:局|委|办|室|院|校|学|中心|所|站|队|处|馆|会|部|厅|政府|街道办事处|办事处|社|团|台|公司|学校|医院|小学|中学|幼儿园|大学|学院|检察院|法院|委员会|管理处|事务所|镇|乡|社区|联合会|协会|党校|研究院|监狱|政府办|常委会)(?:\([^)]*\))?$/u;

function cleanOrg(raw: string): string | null {
  let org = raw.replace(/\s+/g, '').replace(ORG_NOISE, '');
  org = org.replace(/^.*?(?:名称|来源)[:：]?/u, '');
  if (org.length < 3 || !ORG_SUFFIX.test(org)) return null;
  if (/^(?:部门|单位|本部门|本单位|我单位|XX|市级|区级|县级)/.test(org) || /XX/.test(org)) return null;
  return org;
}

function docTypeOf(level: string | undefined, kind: string | undefined, context: string): DocType | null {
  if (!kind) return null;
  const unit = level === '单位' || (!level && /单位(?:决算|预算)/.test(context));
  return `${unit ? '单位' : '部门'}${kind}` as DocType;
}

/** Organisation, fiscal year and kind of disclosure, from the title or the first lines that name them. */
export function extractDocumentFacts(text: string): DocumentFacts {
  const head = text.slice(0, 4000);
  const lines = head.split('\n');
  let offset = 0;
  let year: number | null = null;
  let docType: DocType | null = null;
  let org: string | null = null;
  let titleStart: number | null = null;
  let titleEnd: number | null = null;
  for (const line of lines) {
    const t = line.replace(/["“”]/g, '');
    const a = ORG_FIRST.exec(t);
    const b = YEAR_FIRST.exec(t);
    const c = YEAR_ONLY.exec(t);
    const candidateOrg = (a && cleanOrg(a[1] ?? '')) || (b && cleanOrg(b[2] ?? '')) || null;
    if (candidateOrg && !org) {
      org = candidateOrg;
      const m = a && cleanOrg(a[1] ?? '') ? a : b;
      year ??= Number(a && m === a ? a[2] : b?.[1]);
      docType ??= m === a ? docTypeOf(a?.[3], a?.[4], t) : docTypeOf(b?.[3], b?.[4], t);
      titleStart = offset;
      titleEnd = offset + line.length;
    }
    if (c && year === null) {
      year = Number(c[1]);
      docType ??= docTypeOf(c[2], c[3], head);
      titleStart ??= offset;
      titleEnd ??= offset + line.length;
    }
    if (org && year !== null) break;
    offset += line.length + 1;
  }
  if (docType === null) {
    const k = /(部门|单位)?(决算|预算)/u.exec(head);
    docType = k ? docTypeOf(k[1], k[2], head) : null;
  }
  return { org, year, docType, titleStart, titleEnd };
}
