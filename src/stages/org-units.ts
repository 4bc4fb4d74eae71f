import type { Segmentation } from './segment.js';

export interface OrgUnit {
  readonly name: string;
  readonly kind: string | null;
  readonly staffQuota: number | null;
  readonly leaderPosts: number | null;
  /** Normal-text span of the text the unit was read from. */
  readonly start: number;
  readonly end: number;
}

/** The name of an internal unit: 办公室, 发展规划科, 综合股, 检务督察处 … */
export const UNIT_NAME = /^[\u4e00-\u9fff()（）]{2,30}?(?:室|科|股|处|部|中心|所|队|站|组|馆|院|办|局|委|会|大队|分局|幼儿园|杂志社|分院|检察院)$/u;
const QUOTA = /(?:人员|行政|事业)?编制(?:数)?(?:为)?\s*(\d+)\s*[名人个]/u;
const POSTS = /职数\s*(\d+)\s*名/gu;
/** A unit introduced by a label rather than a number (分支机构：大数据设施管理科) and the lines under it. */
const LABELLED = /(?:^|\n)\s*(分支机构|直属单位|派出机构)[:：]\s*([\u4e00-\u9fff]{2,30})\s*\n([^\n]*\n?){0,6}/gu;
const LISTED = /(内设|下设|设有|设立|下属|所属)[^。；]*?(?:分别为|分别是|包括|为|是)[:：]?([^。；]+)/gu;

function postsIn(s: string): number | null {
  const all = [...s.matchAll(POSTS)];
  return all.length ? all.reduce((n, m) => n + Number(m[1]), 0) : null;
}

/** Internal units named in 概况: numbered unit headings with their quotas, and listed names. */
export function extractOrgUnits(text: string, seg: Segmentation): OrgUnit[] {
  const units: OrgUnit[] = [];
  for (const [i, h] of seg.body.entries()) {
    if (h.level < 3 || h.section !== 'overview') continue;
    const name = h.title.replace(/[。.]$/, '');
    if (!UNIT_NAME.test(name)) continue;
    const next = seg.body[i + 1];
    const blockEnd = next ? next.start : Math.min(text.length, h.end + 600);
    const block = text.slice(h.end, blockEnd);
    const quota = QUOTA.exec(block);
    units.push({ name, kind: null, staffQuota: quota ? Number(quota[1]) : null, leaderPosts: postsIn(block), start: h.start, end: blockEnd });
  }
  // 分支机构：大数据设施管理科 (a unit introduced by a label rather than a number); the labels are
  // looked for first: most documents have none, and the regex is tried at every line start
  if (text.includes('分支机构') || text.includes('直属单位') || text.includes('派出机构')) {
    for (const m of text.matchAll(LABELLED)) {
      if (seg.sectionAt(m.index) !== 'overview') continue;
      const [whole, kind, name] = m;
      const quota = QUOTA.exec(whole);
      units.push({ name: name ?? '', kind: kind ?? null, staffQuota: quota ? Number(quota[1]) : null, leaderPosts: postsIn(whole), start: m.index, end: m.index + whole.length });
    }
  }
  if (units.length) return units;
  for (const m of text.matchAll(LISTED)) {
    if (seg.sectionAt(m.index) !== 'overview') continue;
    const [whole, verb, body = ''] = m;
    const kind = verb === '下属' || verb === '所属' ? '下属单位' : '内设机构';
    let pos = m.index + whole.length - body.length;
    for (const part of body.split(/[、，,]/)) {
      const name = part
        .trim()
        .replace(/^(?:等|和|及)/, '')
        .replace(/等.*$/, '');
      if (UNIT_NAME.test(name)) units.push({ name, kind, staffQuota: null, leaderPosts: null, start: pos, end: pos + part.length });
      pos += part.length + 1;
    }
  }
  return units;
}
