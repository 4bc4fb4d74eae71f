export type DocType = '部门决算' | '单位决算' | '部门预算' | '单位预算';

export interface DocumentFacts {
  readonly org: string | null;
  readonly year: number | null;
  readonly docType: DocType | null;
}

const ORG = '[\\u4e00-\\u9fff()（）]{2,40}?(?:\\s?\\([\\u4e00-\\u9fff]{2,30}\\))?';
const KIND = '(?:决算|预算|三公经费|"三公"经费|“三公”经费)';
/** What a title may name between the organisation and the kind (政府采购决算, “三公”经费决算). */
const TOPIC = '(?:政府采购|三公经费|整体支出绩效)?';
/** ORG 2018年度部门决算 / ORG2025年部门预算 / ORG2017年“三公”经费 */
const ORG_FIRST = new RegExp(`(${ORG})\\s*((?:19|20)\\d{2})\\s*年\\s*度?\\s*[\\u4e00-\\u9fff]{0,6}?(?:部门|单位)?\\s*(?:汇总)?\\s*${KIND}`, 'u');
/** 2021年ORG部门决算 */
const YEAR_FIRST = new RegExp(`((?:19|20)\\d{2})\\s*年\\s*度?\\s*(${ORG})\\s*(?:部门|单位)?\\s*${TOPIC}\\s*${KIND}`, 'u');
/** 预算主管部门：ORG / 来源:ORG / 单位名称：ORG */
const LABELLED = new RegExp(`(?:预算主管部门|主管部门|预算单位|单位名称|部门名称|信息来源|来源|发布机构|发文机关)\\s*[:：]\\s*(${ORG})(?=$|[\\s|,，。;；])`, 'gmu');
/** 第一部分 ORG概况 */
const PART_ONE = new RegExp(`第一部分\\s*[:：]?\\s*(${ORG})(?:部门|单位){0,2}(?:基本)?概况`, 'u');
/** 渠县农业综合技术服务中心下设办公室… (a sentence that opens with the organisation) */
const SENTENCE_SUBJECT = new RegExp(`(?:^|[\\n。；，,])\\s*(${ORG})(?:下设|内设|设有|是|为|系|成立于|隶属|\\d{4}年没有|共有|下属)`, 'gu');
/** 纳入2022年部门预算编制范围的为常德外国语学校本级 / 部门预算即XX本级预算 / XX只有本级 / XX(本级)2023年… (the 预算单位构成 paragraph) */
const OWN_LEVEL = new RegExp(
  `(?:编制范围的(?:单位)?(?:为|是|包括)|(?:预算|决算)即|(?:预算|决算)单位(?:为|是))[:：]?\\s*(${ORG})\\s*(?:\\(本级\\)|（本级）|本级)|(?:^|[\\n。；，,])\\s*(${ORG})(?:只有本级|仅有本级|只含本级)|(?:^|[\\n。；，,])\\s*(${ORG})(?:\\(本级\\)|（本级）)\\s*\\d{4}年`,
  'gmu',
);
/** 经井研县财政局汇总 (a summary over a region's units compiled by its finance bureau): the region */
const COMPILED_BY = new RegExp(`经\\s*([\\u4e00-\\u9fff]{2,12}?(?:省|市|区|县|州|旗|盟))(?:本级)?财政(?:局|厅)汇总`, 'u');
/** 本部门决算单位为本级北京市石景山区人民检察院 */
const ACCOUNT_UNIT = new RegExp(`决算单位(?:构成)?(?:为|是)[:：]?\\s*(?:本级)?(${ORG})(?=$|[\\s,，。;；、])`, 'gmu');
const TITLE_YEAR = /((?:19|20)\d{2})\s*年\s*度?[^\n]{0,30}?(决算|预算|三公)/u;
const ANY_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/gu;
const AMOUNT = /\d+(?:\.\d+)?\s*[万亿]?元|%/;

const ORG_SUFFIX =
  /(?:局|委|办|室|院|校|中心|所|站|队|处|馆|会|部|厅|政府|办事处|社|团|台|公司|学校|医院|小学|中学|幼儿园|大学|学院|检察院|法院|委员会|管理处|镇|乡|社区|联合会|协会|党校|监狱|常委会|党派|部门|(?:局|委|办|院|会|政府|厅|部|室|处)机关)(?:\s?\([^)]*\))?$/u;
/** A place alone (鹿寨县): the organisation of a summary over a region, taken only when nothing better is found. */
const PLACE = /(?:省|市|区|县|州|旗|盟)$/u;
/** Words a sentence puts before the organisation's name (现将XX局2021年度部门决算公开如下). */
const LEAD_NOISE =
  /^(?:.*?(?:名称|来源|部门|主管部门|范围)[:：])|^(?:第[一二三四五六七八九十]+部分)|^(?:年度|年|度|现将|现对|现就|根据|按照|依据|经汇总|汇总|纳入|关于|公开|附件|本单位|本部门|本级|我单位|我部门|我局|我委|我院|我办|本局|本委|本院)+/u;
/** What ends a captured name without being part of it: 本级, (本级), a trailing 的 / 公开. */
const TAIL_NOISE = /(?:\(本级\)|（本级）|本级|的|公开)+$/u;

/** An organisation's name cleaned of lead and tail words, or null when what is left is no name. */
function cleanOrg(raw: string | undefined, allowPlace = false): string | null {
  if (!raw) return null;
  let org = raw.replace(/\s+(?=\()/, ' ').trim();
  org = org.replace(LEAD_NOISE, '').replace(TAIL_NOISE, '');
  // XX局部门 (the kind of disclosure glued to the name): the name is XX局
  const bare = org.replace(/(?:部门|单位)$/, '');
  if (bare !== org && ORG_SUFFIX.test(bare) && !/部门$/.test(bare)) org = bare;
  if (org.length < 3 || /^[月日]/.test(org) || /\d/.test(org)) return null;
  if (!ORG_SUFFIX.test(org) && !(allowPlace && PLACE.test(org))) return null;
  if (/^(?:部门|单位|本部门|本单位|我单位|市级|区级|县级|XX)/.test(org) || /XX|××/.test(org)) return null;
  return org;
}

const PLACE_END = new Set([...'省市州盟县区旗']);

/** A longer name of the same organisation written elsewhere: 景东彝族自治县大街镇 → 普洱市景东彝族自治县大街镇. */
function widenOrg(org: string, text: string): string {
  // a wider name ends with a place (省 市 州 盟 县 区 旗) right before the name
  let placeBefore = false;
  for (let at = text.indexOf(org, 1); at > 0 && !placeBefore; at = text.indexOf(org, at + 1)) placeBefore = PLACE_END.has(text.charAt(at - 1));
  if (!placeBefore) return org;
  const escaped = org.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `(?:(?<![\\u4e00-\\u9fff])|(?<=部分|说明|公开|概况))((?:(?:(?!部分|说明|公开|决算|预算|概况)[\\u4e00-\\u9fff]){1,7}?(?:省|市|州|盟|县|区|自治区|自治州|自治县|旗))+)${escaped}`,
    'gu',
  );
  let best = org;
  for (const m of text.matchAll(re)) if ((m[1] ?? '').length + org.length > best.length) best = (m[1] ?? '') + org;
  return best;
}

/**
 * The lines a title may be on: each line of the head, and a line joined with the one or two after
 * it when they are short and hold no sentence (a title broken over lines: 2020年度 / 祁东县金桥镇人民政府 / 部门决算).
 */
function titleLines(head: string): string[] {
  const lines = head.split('\n', 60).map((l) => l.trim());
  const out: string[] = [];
  // titles stand at the top: lines are joined among the first 20 only
  const short = (l: string | undefined) => l !== undefined && l.length > 0 && l.length <= 40 && !/[。；，,]/.test(l);
  // single lines first (a title on one line is surer than lines joined), of the first 60: a
  // title, its header and the naming sentences stand at the top
  out.push(...lines);
  for (const [i, line] of lines.slice(0, 20).entries()) {
    if (!short(line)) continue;
    let joined = line;
    for (const next of lines.slice(i + 1, i + 3)) {
      if (!short(next)) break;
      joined += next;
      out.push(joined);
    }
  }
  return out;
}

/**
 * The kind of disclosure a title line names: its 部门决算 / 单位预算 …, else the last 决算 or 预算
 * it says (a title ends with its kind: …“三公”经费决算情况说明), the names of budgets
 * (一般公共预算 …) and of the budget law left out.
 */
function docTypeOfLine(line: string): DocType | null {
  const t = line.replace(/一般公共预算|政府性基金预算|国有资本经营预算|预决算|预算单位|预算主管部门|预算管理|预算法/g, '');
  const named = /(部门|单位)(?:汇总)?(决算|预算)/.exec(t);
  if (named) return `${named[1]}${named[2]}` as DocType;
  const kinds = t.match(/决算|预算/g);
  const last = kinds?.[kinds.length - 1];
  return last ? (`部门${last}` as DocType) : null;
}

/** Organisation, fiscal year and kind of disclosure, from the title or the first lines that name them. */
export function extractDocumentFacts(text: string): DocumentFacts {
  const head = text.slice(0, 4000).replace(/["“”]/g, '');
  let org: string | null = null;
  let place: string | null = null;
  let year: number | null = null;
  let docType: DocType | null = null;
  const candidates = titleLines(head);
  for (const line of candidates) {
    if (!/\d{4}/.test(line) || (!line.includes('算') && !line.includes('三公'))) continue;
    const a = ORG_FIRST.exec(line);
    const b = YEAR_FIRST.exec(line);
    if (!a && !b) continue;
    // a title names the kind; a sentence (…支出预算为49.9万元, 从预算单位构成看，…预算编制时…。) does not
    const isTitle = !AMOUNT.test(line) && !/[。，,；;]/.test(line);
    // the kind as the title says it, read past the names of budgets (一般公共预算财政拨款“三公”经费支出决算)
    if (isTitle) docType ??= docTypeOfLine(line);
    const fromA = cleanOrg(a?.[1]);
    const fromB = cleanOrg(b?.[2]);
    if (isTitle || fromA || fromB) year ??= Number(a ? a[2] : b?.[1]);
    org ??= fromA ?? fromB;
    place ??= cleanOrg(a?.[1], true) ?? cleanOrg(b?.[2], true);
    if (org && docType) break;
  }
  org ??=
    firstClean(LABELLED, head) ??
    cleanOrg(PART_ONE.exec(head)?.[1]) ??
    firstClean(ACCOUNT_UNIT, head) ??
    firstOwnLevel(head) ??
    cleanOrg(COMPILED_BY.exec(head)?.[1], true) ??
    firstClean(SENTENCE_SUBJECT, head.slice(0, 2000)) ??
    place;
  // a line that names a year with 决算, 预算 or 三公, not as a figure's comparison (较2022年度决算数)
  year ??=
    candidates
      .filter((l) => !AMOUNT.test(l))
      .map((l) => TITLE_YEAR.exec(l))
      .filter((t) => t && !/(?:比|较|与|同|和)\s*$/.test(t.input.slice(0, t.index)))
      .map((t) => Number(t?.[1]))[0] ?? null;
  year ??= mostNamedYear(text, head);
  docType ??=
    candidates
      .filter((l) => /\d{4}/.test(l) && !AMOUNT.test(l) && /(?:部门|单位)(?:决算|预算)/.test(l))
      .map(docTypeOfLine)
      .find(Boolean) ?? null;
  docType ??= docTypeByCount(head);
  // a fiscal year of the People's Republic (a 1919年 is a date in a history, not the year of a disclosure)
  const fiscal = year !== null && year >= 1949 && year <= 2100 ? year : null;
  return { org: org ? (cleanOrg(widenOrg(org, text.slice(0, 20000))) ?? org) : null, year: fiscal, docType: docType && withLevel(docType, head) };
}

/** The organisation a 预算单位构成 sentence names at its own level (…的为XX本级, XX只有本级). */
function firstOwnLevel(s: string): string | null {
  for (const m of s.matchAll(OWN_LEVEL)) {
    const org = cleanOrg(m[1] ?? m[2] ?? m[3]);
    if (org) return org;
  }
  return null;
}

/** The first match of a global pattern whose name cleans to an organisation. */
function firstClean(re: RegExp, s: string): string | null {
  for (const m of s.matchAll(re)) {
    const org = cleanOrg(m[1]);
    if (org) return org;
  }
  return null;
}

/**
 * The year the text names most, where a year a figure is compared with (比2022年, 较2022年度决算数)
 * stands for the year after it; of a budget, written the year before it plans, the latest
 * well-attested year.
 */
function mostNamedYear(text: string, head: string): number | null {
  const counts = new Map<number, number>();
  const body = text.slice(0, 20000);
  for (const m of body.matchAll(ANY_YEAR)) {
    const compared = /(?:比|较|与|同|和|对比)\s*$/.test(body.slice(Math.max(0, m.index - 3), m.index));
    const y = Number(m[1]) + (compared ? 1 : 0);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || y[0] - x[0]);
  const top = ranked[0];
  if (!top) return null;
  const budget = /预算/.test(head) && !/决算/.test(head);
  return budget ? Math.max(...ranked.filter((r) => r[1] * 2 >= top[1]).map((r) => r[0])) : top[0];
}

/**
 * A 决算 speaks of 决算 throughout, and of its 年初预算; a 预算 hardly ever does (the names of
 * budgets, 一般公共预算 …, left out).
 */
function docTypeByCount(head: string): DocType | null {
  const t = head.replace(/预决算|一般公共预算|政府性基金预算|国有资本经营预算|年初预算|调整预算|预算单位|预算主管部门/g, '');
  // 年初预算 is what a final account compares its figures with
  const said = (t.match(/决算/g) ?? []).length;
  const finals = said + (head.match(/年初预算/g) ?? []).length;
  const budgets = (t.match(/预算/g) ?? []).length;
  if (finals + budgets === 0) return null;
  // a text that never says 决算 but names its income or spending budget is a budget (its 年初预算数
  // is its own figure, not what a final account compares with)
  if (said === 0 && /(?:收入|支出)预算/.test(t)) return '部门预算';
  return finals >= 3 || finals * 3 > budgets ? '部门决算' : '部门预算';
}

/**
 * A document type with the level the text speaks of: a title's 部门 or 单位 stands; without one,
 * a text that speaks of 本单位 and 单位概况 more than of 本部门 and 部门概况 is a 单位 disclosure.
 */
function withLevel(docType: DocType, head: string): DocType {
  const kind = docType.slice(2);
  const named = new RegExp(`(部门|单位)${kind}`).exec(head.split('\n', 12).join('\n'));
  if (named) return `${named[1]}${kind}` as DocType;
  const unit = (head.match(/本单位|单位概况|单位职责|单位基本情况|单位决算|单位预算/g) ?? []).length;
  const dept = (head.match(/本部门|部门概况|部门职责|部门基本情况|部门决算|部门预算/g) ?? []).length;
  return `${unit > dept ? '单位' : '部门'}${kind}` as DocType;
}
