import { forEachMatch } from '../shapes.js';

export type DocType = '部门决算' | '单位决算' | '部门预算' | '单位预算';

export interface DocumentFacts {
  readonly org: string | null;
  readonly year: number | null;
  readonly docType: DocType | null;
}

const ORG = '[\\u4e00-\\u9fff()（）]{2,40}?(?:\\s?\\([\\u4e00-\\u9fff]{2,30}\\))?';
const KIND = '(?:决算|预算|三公经费|"三公"经费|“三公”经费)';
/** ORG 2018年度部门决算 / ORG2025年部门预算 / ORG2017年“三公”经费 */
const ORG_FIRST = new RegExp(`(${ORG})\\s*((?:19|20)\\d{2})\\s*年\\s*度?\\s*[\\u4e00-\\u9fff]{0,6}?(部门|单位)?\\s*(?:汇总)?\\s*(${KIND})`, 'u');
/** 2021年ORG部门决算 */
const YEAR_FIRST = new RegExp(`((?:19|20)\\d{2})\\s*年\\s*度?\\s*(${ORG})\\s*(部门|单位)?\\s*(${KIND})`, 'u');
/** 预算主管部门：ORG / 来源:ORG / 单位名称：ORG */
const LABELLED = new RegExp(`(?:预算主管部门|主管部门|单位名称|部门名称|信息来源|来源|发布机构|发文机关)\\s*[:：]\\s*(${ORG})(?=$|[\\s|,，。;；])`, 'mu');
/** 第一部分 ORG概况 */
const PART_ONE = new RegExp(`第一部分\\s*[:：]?\\s*(${ORG})(?:部门|单位){0,2}(?:基本)?概况`, 'u');
/** 渠县农业综合技术服务中心下设办公室… (an overview sentence that opens with the organisation) */
const SENTENCE_SUBJECT = new RegExp(`(?:^|[\\n。；])\\s*(${ORG})(?:下设|内设|设有|是|为|系|成立于|隶属)`, 'u');
const TITLE_YEAR = /((?:19|20)\d{2})\s*年\s*度?[^\n]{0,30}?(决算|预算|三公)/u;
const ANY_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/gu;

const ORG_SUFFIX =
  /(?:局|委|办|室|院|校|中心|所|站|队|处|馆|会|部|厅|政府|办事处|社|团|台|公司|学校|医院|小学|中学|幼儿园|大学|学院|检察院|法院|委员会|管理处|镇|乡|社区|联合会|协会|党校|监狱|常委会)(?:\s?\([^)]*\))?$/u;
const ORG_PREFIX_NOISE = /^(?:.*?(?:名称|来源|部门|主管部门)[:：])|^(?:第[一二三四五六七八九十]+部分)|^(?:关于|公开|附件|本|我)+/u;

function cleanOrg(raw: string | undefined): string | null {
  if (!raw) return null;
  let org = raw.replace(/\s+(?=\()/, ' ').trim();
  org = org.replace(ORG_PREFIX_NOISE, '').replace(/(?:\(本级\)|（本级）)$/, '').replace(/(?:的|公开)+$/, '');
  if (org.length < 3 || !ORG_SUFFIX.test(org)) return null;
  if (/^(?:部门|单位|本部门|本单位|我单位|市级|区级|县级|XX)/.test(org) || /XX|××/.test(org)) return null;
  return org;
}

function docTypeOf(level: string | undefined, kind: string | undefined, context: string): DocType | null {
  const k = kind && /决算|预算/.test(kind) ? kind : /决算/.test(context) ? '决算' : /预算/.test(context) ? '预算' : null;
  if (!k) return null;
  const unit = level === '单位' || (!level && /单位(?:决算|预算)/.test(context));
  return `${unit ? '单位' : '部门'}${k}` as DocType;
}

const PLACE_END = new Set([...'省市州盟县区旗'].map((c) => c.charCodeAt(0)));

/** A longer name of the same organisation written elsewhere: 景东彝族自治县大街镇 → 普洱市景东彝族自治县大街镇. */
function widenOrg(org: string, text: string): string {
  // a wider name ends with a place (省 市 州 盟 县 区 旗) right before the name: where the text has
  // none, there is nothing to search for (and no regex to compile for this one name)
  let placeBefore = false;
  for (let at = text.indexOf(org, 1); at > 0 && !placeBefore; at = text.indexOf(org, at + 1)) placeBefore = PLACE_END.has(text.charCodeAt(at - 1));
  if (!placeBefore) return org;
  const escaped = org.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?:(?<![\\u4e00-\\u9fff])|(?<=部分|说明|公开|概况))((?:(?:(?!部分|说明|公开|决算|预算|概况)[\\u4e00-\\u9fff]){1,7}?(?:省|市|州|盟|县|区|自治区|自治州|自治县|旗))+)${escaped}`, 'gu');
  let best = org;
  forEachMatch(re, text, (m) => {
    if ((m[1] ?? '').length + org.length > best.length) best = (m[1] ?? '') + org;
  });
  return best;
}

/** Organisation, fiscal year and kind of disclosure, from the title or the first lines that name them. */
export function extractDocumentFacts(text: string): DocumentFacts {
  const head = text.slice(0, 4000).replace(/["“”]/g, '');
  const lines = head.split('\n');
  let org: string | null = null;
  let year: number | null = null;
  let docType: DocType | null = null;
  for (let lineAt = 0; lineAt < lines.length; lineAt++) {
    const line = lines[lineAt] as (typeof lines)[number];
    if (!/\d{4}/.test(line)) continue; // a title names a year
    // and its kind (决算, 预算, 三公经费), as both patterns end: tested before their lazy runs
    if (!line.includes('算') && !line.includes('三公')) continue;
    const t = line;
    const a = ORG_FIRST.exec(t);
    const b = YEAR_FIRST.exec(t);
    const fromA = cleanOrg(a?.[1]);
    const fromB = cleanOrg(b?.[2]);
    if (!org && (fromA || fromB)) {
      org = fromA ?? fromB;
      year ??= Number(fromA ? a?.[2] : b?.[1]);
      // a title names the kind; a sentence with amounts (…支出预算为49.9万元) does not
      if (!/\d+(?:\.\d+)?\s*[万亿]?元|%/.test(t)) docType ??= fromA ? docTypeOf(a?.[3], a?.[4], t) : docTypeOf(b?.[3], b?.[4], t);
    }
    if (org && year !== null) break;
  }
  org ??= cleanOrg(LABELLED.exec(head)?.[1]) ?? cleanOrg(PART_ONE.exec(head)?.[1]) ?? cleanOrg(SENTENCE_SUBJECT.exec(head)?.[1]);
  if (year === null) {
    const t = TITLE_YEAR.exec(head);
    if (t) year = Number(t[1]);
  }
  if (year === null) {
    const counts = new Map<number, number>();
    forEachMatch(ANY_YEAR, text.slice(0, 20000), (m) => {
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    });
    const ranked = Array.from(counts).sort((x, y) => y[1] - x[1] || y[0] - x[0]);
    const top = ranked[0];
    // a budget is written the year before the one it plans: the latest well-attested year
    const planned = /预算/.test(head) && !/决算/.test(head) ? ranked.filter((r) => top && r[1] * 2 >= top[1]).sort((x, y) => y[0] - x[0])[0] : top;
    if (planned) year = planned[0];
  }
  if (docType === null) {
    // a 决算 speaks of 决算 throughout; a 预算 hardly ever does
    const finals = (head.match(/决算/g) ?? []).length;
    const budgets = (head.replace(/预决算/g, '').match(/预算/g) ?? []).length;
    if (finals + budgets > 0) {
      const kind = finals >= 3 || finals * 3 > budgets ? '决算' : '预算';
      const level = new RegExp(`单位${kind}`).test(head) ? '单位' : '部门';
      docType = `${level}${kind}` as DocType;
    }
  }
  return { org: org ? widenOrg(org, text.slice(0, 20000)) : null, year, docType };
}
