import { describe, expect, it } from 'vitest';
import { extractDocumentFacts } from '../src/stages/document-facts.js';

/**
 * Organisation, year and kind of disclosure from the title, the header and the text: one case
 * per shape seen on real documents. The organisation is taken from a title or a naming clause and
 * is null rather than a fragment; province and city prefixes stay as written.
 */
const cases: Array<{ name: string; text: string; org: string | null; year: number | null; docType: string | null }> = [
  {
    name: 'a title line',
    text: '江苏省人大常委会办公厅2018年部门预算\n目录\n一、部门概况',
    org: '江苏省人大常委会办公厅',
    year: 2018,
    docType: '部门预算',
  },
  {
    name: 'the offices of a bureau (局机关) are an organisation; a clause about being an office is not',
    text: '龙山县教育体育局机关2024年度单位决算\n\n现将龙山县教育体育局机关2024年度单位决算公开如下：',
    org: '龙山县教育体育局机关',
    year: 2024,
    docType: '单位决算',
  },
  {
    name: 'a clause that says what kind of office the unit is names none',
    text: '本单位是行政机关2024年度单位决算\n一、收入支出决算总体情况',
    org: null,
    year: 2024,
    docType: '单位决算',
  },
  {
    name: 'a region’s summary compiled by its finance bureau is the region’s',
    text: '根据《中华人民共和国预算法》的有关规定，经井研县财政局汇总，2020年井研县行政单位、事业单位和其他单位使用当年财政拨款安排的“三公”经费决算支出合计1,234.5万元。',
    org: '井研县',
    year: 2020,
    docType: '部门决算',
  },
  {
    name: 'a text that never says 决算 but names its income and spending budgets is a budget',
    text: '一、部门基本情况\n（一）收入预算：2023年年初预算数1643.29万元，其中：一般公共预算拨款1643.29万元。\n（二）支出预算：2023年年初预算数1643.29万元。',
    org: null,
    year: 2023,
    docType: '部门预算',
  },
  {
    name: 'a text that never says 决算 but compares its spending with 年初预算 is a final account',
    text: '一、“三公”经费财政拨款支出总体情况说明。\n2018年度本部门“三公”经费支出2.05万元，年初预算为2.95万元。二、“三公”经费财政拨款支出与年初预算对比情况。年初预算为0万元。',
    org: null,
    year: 2018,
    docType: '部门决算',
  },
  {
    name: 'the unit a budget covers at its own level (…编制范围的为XX本级; XX只有本级)',
    text: '目录\n第一部分：2022年部门预算说明\n二、部门预算单位构成\n我校无二级预算单位，因此，纳入2022年部门预算编制范围的为常德外国语学校本级。',
    org: '常德外国语学校',
    year: 2022,
    docType: '部门预算',
  },
  {
    name: 'a government that has only its own level names itself',
    text: '第一部分 2025年部门预算说明\n下马渡镇人民政府只有本级，没有其他预算单位，因此本部门预算仅含本级预算。',
    org: '下马渡镇人民政府',
    year: 2025,
    docType: '部门预算',
  },
  {
    name: 'a lead sentence: 现将 is not part of the name',
    text: '按照预算法的要求，现将涪陵区新妙镇2021年度“三公”经费决算情况公布如下：\n经汇总，2021年度全镇“三公”经费支出合计40.14万元。',
    org: '涪陵区新妙镇',
    year: 2021,
    docType: '部门决算',
  },
  {
    name: '纳入 before the name in a sentence',
    text: '2023年部门预算情况说明\n纳入天津市武清区河西务镇人民政府2023年部门预算编制范围的单位共1个。',
    org: '天津市武清区河西务镇人民政府',
    year: 2023,
    docType: '部门预算',
  },
  {
    name: 'a title broken over lines',
    text: '2020年度\n祁东县金桥镇人民政府\n部门决算\n目录\n第一部分 单位概况',
    org: '祁东县金桥镇人民政府',
    year: 2020,
    docType: '部门决算',
  },
  {
    name: 'a place name that begins with 本 keeps it',
    text: '本溪县第三中学2021年度部门决算\n目录',
    org: '本溪县第三中学',
    year: 2021,
    docType: '部门决算',
  },
  {
    name: '本级 after the name is not part of it',
    text: '重庆市荣昌区总工会本级2024年度决算公开说明\n一、单位基本情况\n本单位单位决算收支情况说明',
    org: '重庆市荣昌区总工会',
    year: 2024,
    docType: '单位决算',
  },
  {
    name: '部门 glued to the name is not part of it',
    text: '寻甸回族彝族自治县教育体育局部门2020年度“三公”经费决算情况说明\n一、总体情况',
    org: '寻甸回族彝族自治县教育体育局',
    year: 2020,
    docType: '部门决算',
  },
  {
    name: 'a year glued before the name is not part of it',
    text: '2018年度寻甸县教育部门“三公”经费决算情况说明\n教育部门2018年度“三公”经费财政拨款支出预算338,866元。',
    org: '寻甸县教育部门',
    year: 2018,
    docType: '部门决算',
  },
  {
    name: 'a title that names only a place takes the labelled organisation',
    text: '上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区财政局\n\n一、部门主要职能\n名词解释：决算 决算 决算',
    org: '上海市普陀区财政局',
    year: 2025,
    docType: '部门预算',
  },
  {
    name: 'a municipal unit budget',
    text: '上海市2025年市级单位预算\n预算单位：上海市财政局\n目录\n一、单位主要职能',
    org: '上海市财政局',
    year: 2025,
    docType: '单位预算',
  },
  {
    name: 'the organisation from 决算单位为',
    text: '2017年度部门决算\n目录\n第一部分 2017年度部门决算报表\n（二）部门决算单位构成\n本部门决算单位为本级北京市石景山区人民检察院\n二、2017年收入支出决算总体情况说明',
    org: '北京市石景山区人民检察院',
    year: 2017,
    docType: '部门决算',
  },
  {
    name: 'the organisation that opens a sentence after a comma',
    text: '另外,梧州市民政局下属共有 6 个事业单位,事业运行经费总预算安排37337407.64元。2025年预算',
    org: '梧州市民政局',
    year: 2025,
    docType: '部门预算',
  },
  {
    name: 'no fragment where no name is given',
    text: '2021年度部门决算\n目录\n一、收入支出决算总表',
    org: null,
    year: 2021,
    docType: '部门决算',
  },
  {
    name: 'a body-only text: the year compared with is the year before',
    text: '5.经营收入 0.00 万,较 2022 年度决算数增加 0.00万元,增长 0%,主要原因是:本单位无经营收入,与去年相比无变化。',
    org: null,
    year: 2023,
    docType: '单位决算',
  },
  {
    name: 'a sentence about the budget units is no title: the kind is the body’s',
    text: '(二)机构设置\n从预算单位构成看,本部门2023 年度预算编制时无二级预算单位。\n二、部门决算情况说明\n(一)收入支出决算总体情况说明\n2023年度收入总计6567.06万元,较上年决算数减少710.50万元。',
    org: null,
    year: 2023,
    docType: '部门决算',
  },
  {
    name: 'a final account that speaks of its 年初预算 more than of 决算',
    text: '一、“三公”经费财政拨款支出总体情况说明。\n本部门“三公”经费支出2.05万元，年初预算为2.95万元。其中：公务接待费年初预算为2万元。\n二、与年初预算对比',
    org: null,
    year: null,
    docType: '部门决算',
  },
];

describe('organisation, year and kind of disclosure', () => {
  for (const c of cases) {
    it(c.name, () => {
      const facts = extractDocumentFacts(c.text);
      expect({ org: facts.org, year: facts.year, docType: facts.docType }).toEqual({ org: c.org, year: c.year, docType: c.docType });
    });
  }
});

describe('the fiscal year', () => {
  it('is never a year before 1949 (the documents row would fail validation)', () => {
    expect(extractDocumentFacts('平安县档案馆1919年度部门决算\n收入总计10万元。').year).toBeNull();
  });
});
