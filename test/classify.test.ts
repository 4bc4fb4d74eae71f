import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract.js';
import type { FactRow } from '../src/schema.js';

/**
 * The classification spec: short sentences in the shapes disclosures use, each with the facts it
 * must give and the facts it must not. One block per kind of error seen on documents the team had
 * not seen. A case's text is the body of a document whose title line says its kind and year.
 */
interface Want {
  readonly raw: string;
  readonly metric?: string;
  readonly role: FactRow['role'];
  readonly value: number;
  readonly item?: string;
  readonly code?: string;
}
type Not = Partial<Want>;
interface Case {
  readonly name: string;
  readonly text: string;
  readonly doc?: '部门决算' | '部门预算' | '单位决算' | '单位预算';
  readonly year?: number;
  readonly facts: readonly Want[];
  readonly not?: readonly Not[];
}

const title = (doc: string, year: number) => `平安县农业农村局${year}年度${doc}\n`;

function run(c: Case): FactRow[] {
  return extractText(title(c.doc ?? '部门决算', c.year ?? 2023) + c.text, { docId: 'case.txt' }).facts;
}

const matches = (f: FactRow, w: Not) =>
  (w.raw === undefined || f.raw === w.raw) &&
  (w.metric === undefined || f.metric === w.metric) &&
  (w.role === undefined || f.role === w.role) &&
  (w.value === undefined || f.value === w.value) &&
  (w.item === undefined || f.item === w.item) &&
  (w.code === undefined || f.code === w.code);

function check(c: Case): void {
  const facts = run(c);
  const shown = facts.map((f) => `${f.raw} ${f.metric} ${f.item}/${f.code} ${f.role} ${f.value} (${f.basis})`).join('\n');
  for (const w of c.facts)
    expect(
      facts.some((f) => matches(f, w)),
      `no ${JSON.stringify(w)} in\n${shown}`,
    ).toBe(true);
  for (const n of c.not ?? [])
    expect(
      facts.some((f) => matches(f, n)),
      `${JSON.stringify(n)} in\n${shown}`,
    ).toBe(false);
}

function block(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    for (const c of cases) it(c.name, () => check(c));
  });
}

block('1. an enumerated amount takes the name just before it, never its neighbour’s', [
  {
    name: 'lines listed after dashes keep their names without the dashes',
    doc: '部门预算',
    year: 2020,
    text: '商品和服务支出预算638万元，其中：——水费50万元；——电费100万元；——办公费36万元。',
    facts: [
      { raw: '50万元', metric: 'expenditure.by_economic', item: '水费', role: 'value', value: 500000 },
      { raw: '36万元', metric: 'expenditure.by_economic', item: '办公费', code: '30201', role: 'value', value: 360000 },
    ],
    not: [{ item: '——水费' }],
  },
  {
    name: 'a longer name in a function list the table holds only an economic part of is a function line with no code',
    text: '按支出功能分类科目分，包括：粮油物资储备支出742.16万元、社会保障和就业支出46.93万元。',
    facts: [
      { raw: '742.16万元', metric: 'expenditure.by_function', item: '粮油物资储备支出', code: '', role: 'value', value: 7421600 },
      { raw: '46.93万元', metric: 'expenditure.by_function', item: '社会保障和就业支出', code: '208', role: 'value', value: 469300 },
    ],
    not: [{ metric: 'expenditure.by_economic' }],
  },
  {
    name: 'the share and change of a part the tool cannot place stay with that part, not the heading’s subject',
    doc: '部门预算',
    year: 2025,
    text: '（二）政府采购预算安排情况说明。\n2025年政府采购预算6429768.84元，同比增加2433505.07元。其中：政府集中采购预算3378990元，占政府采购预算的52.55%，同比增加2092210元。',
    facts: [
      { raw: '6429768.84元', metric: 'procurement.total', role: 'value', value: 6429768.84 },
      { raw: '52.55%', metric: 'unmapped', item: '政府集中采购', role: 'share', value: 52.55 },
      { raw: '2092210元', metric: 'unmapped', item: '政府集中采购', role: 'yoy_change', value: 2092210 },
    ],
    not: [
      { raw: '52.55%', metric: 'procurement.total' },
      { raw: '2092210元', metric: 'procurement.total' },
    ],
  },
  {
    name: 'the basic and project parts of one classification line are no totals of the family',
    doc: '部门预算',
    text: '（一）一般公共预算支出按功能分类\n初中教育支出2,065,405.42元，其中：基本支出2,065,405.42元，项目支出0元。',
    facts: [
      { raw: '2,065,405.42元', metric: 'general_budget_expenditure.by_function', item: '初中教育支出', role: 'value', value: 2065405.42 },
      { raw: '0元', metric: 'unmapped', item: '初中教育支出：项目支出', role: 'value', value: 0 },
    ],
    not: [{ metric: 'expenditure.basic' }, { metric: 'expenditure.project' }, { metric: 'general_budget_expenditure.basic' }],
  },
  {
    name: 'a line that opens with a name the tables do not know takes neither the heading’s subject nor gives its list to it',
    doc: '部门预算',
    text: '（二）一般公共预算支出情况\n机构运行1100910.5元，其中：基本支出1100910.5元，项目支出0元。主要用于日常运转。',
    facts: [
      { raw: '1100910.5元', metric: 'unmapped', item: '机构运行', role: 'value', value: 1100910.5 },
      { raw: '0元', metric: 'unmapped', item: '机构运行：项目支出', role: 'value', value: 0 },
    ],
    not: [{ metric: 'general_budget_expenditure.total' }, { metric: 'general_budget_expenditure.basic' }, { metric: 'general_budget_expenditure.project' }],
  },
  {
    name: 'under a heading that says the function breakdown is listed, a line in its own words is a function line with no code',
    doc: '部门预算',
    text: '（一）一般公共预算支出按支出功能分类科目划分。\n机构运行1100910.5元，其中：基本支出1100910.5元。\n其他技术研究与开发支出53700元。',
    facts: [
      { raw: '1100910.5元', metric: 'general_budget_expenditure.by_function', item: '机构运行', code: '', role: 'value', value: 1100910.5 },
      { raw: '53700元', metric: 'general_budget_expenditure.by_function', item: '其他技术研究与开发支出', role: 'value', value: 53700 },
    ],
    not: [{ metric: 'general_budget_expenditure.basic' }, { metric: 'general_budget_expenditure.total' }],
  },
  {
    name: 'a count under a heading about how the budget was drawn up is no staff quota',
    doc: '部门预算',
    text: '二、2020年部门预算编制说明\n本镇辖6村1社区、人口数25137人。',
    facts: [],
    not: [{ metric: 'staff.quota' }],
  },
  {
    name: 'appropriations named in the words of older templates are general-budget income',
    doc: '部门预算',
    year: 2016,
    text: '2016年部门收入预算2,047.36万元，其中：公共财政预算拨款1,947.36万元，上年结转100.00万元。',
    facts: [
      { raw: '1,947.36万元', metric: 'income.general_budget', role: 'value', value: 19473600 },
      { raw: '100.00万元', metric: 'income.carryover', role: 'value', value: 1000000 },
    ],
  },
  {
    name: 'last year’s balance brought into a budget is carried-over income',
    doc: '部门预算',
    year: 2021,
    text: '2021年收入预算总额为120.34万元，其中：财政拨款收入91.16万元。上年结余29.18万元。',
    facts: [{ raw: '29.18万元', metric: 'income.carryover', role: 'value', value: 291800 }],
  },
  {
    name: 'a part of a list’s total named by qualifying the total’s name is unplaced, not the total again',
    year: 2018,
    text: '2018年度年末结转和结余164.61万元（其中：项目支出结转和结余27.80万元）。2018年度收入总计100万元，其中：财政拨款收入80万元。2017年度收入总计90万元。',
    facts: [
      { raw: '164.61万元', metric: 'balance.year_end', role: 'value', value: 1646100 },
      { raw: '27.80万元', metric: 'unmapped', item: '项目支出结转和结余', role: 'value', value: 278000 },
      { raw: '90万元', metric: 'income.total', role: 'prior_year', value: 900000 },
    ],
    not: [{ raw: '27.80万元', metric: 'balance.year_end' }],
  },
  {
    name: 'a name after a known phrase and 中 is a part of it, not the phrase’s metric',
    year: 2017,
    text: '基本支出中医疗业务支出5868.43万元。本部门2021年财政拨款收支预算6927.14万元。',
    facts: [
      { raw: '5868.43万元', metric: 'unmapped', item: '医疗业务支出', role: 'value', value: 58684300 },
      { raw: '6927.14万元', metric: 'income.fiscal_appropriation', role: 'value', value: 69271400 },
      { raw: '6927.14万元', metric: 'appropriation_expenditure.total', role: 'value', value: 69271400 },
    ],
    not: [{ raw: '5868.43万元', metric: 'expenditure.basic' }],
  },
  {
    name: 'a blanked-out name is an unknown line, never the total its last word names',
    year: 2017,
    text: '一般公共预算财政拨款支出4603.07万元。其中：按功能分类科目，********支出2万元，********支出2.06万元。',
    facts: [
      { raw: '2万元', metric: 'unmapped', item: '********支出', role: 'value', value: 20000 },
      { raw: '2.06万元', metric: 'unmapped', role: 'value', value: 20600 },
    ],
    not: [
      { raw: '2万元', metric: 'general_budget_expenditure.total' },
      { raw: '2万元', metric: 'expenditure.total' },
    ],
  },
  {
    name: 'names the table does not know keep their own name and no code',
    text: '一般公共预算财政拨款支出100万元，按支出功能分类科目分，包括：教育支出52.10万元、乡村振兴支出13.40万元、其他杂项支出6.02万元。',
    facts: [
      { raw: '52.10万元', metric: 'general_budget_expenditure.by_function', item: '教育支出', code: '205', role: 'value', value: 521000 },
      { raw: '13.40万元', metric: 'general_budget_expenditure.by_function', item: '乡村振兴支出', code: '', role: 'value', value: 134000 },
      { raw: '6.02万元', metric: 'general_budget_expenditure.by_function', item: '其他杂项支出', code: '', role: 'value', value: 60200 },
    ],
    not: [
      { raw: '13.40万元', item: '教育支出' },
      { raw: '6.02万元', code: '205' },
    ],
  },
  {
    name: 'names the table knows take their code',
    text: '一般公共预算财政拨款支出80万元，其中：农林水支出50万元、交通运输支出20万元、灾害防治及应急管理支出10万元。',
    facts: [
      { raw: '50万元', metric: 'general_budget_expenditure.by_function', item: '农林水支出', code: '213', role: 'value', value: 500000 },
      { raw: '20万元', metric: 'general_budget_expenditure.by_function', item: '交通运输支出', code: '214', role: 'value', value: 200000 },
      { raw: '10万元', metric: 'general_budget_expenditure.by_function', item: '灾害防治及应急管理支出', code: '224', role: 'value', value: 100000 },
    ],
  },
  {
    name: 'semicolon-separated lines each keep their own share',
    text: '财政拨款支出50万元，其中：社会保障和就业支出10万元，占20%；卫生健康支出5万元，占10%；地方特色补助支出35万元，占70%。',
    facts: [
      { raw: '10万元', metric: 'appropriation_expenditure.by_function', item: '社会保障和就业支出', code: '208', role: 'value', value: 100000 },
      { raw: '20%', metric: 'appropriation_expenditure.by_function', item: '社会保障和就业支出', role: 'share', value: 20 },
      { raw: '10%', metric: 'appropriation_expenditure.by_function', item: '卫生健康支出', code: '210', role: 'share', value: 10 },
      { raw: '35万元', metric: 'appropriation_expenditure.by_function', item: '地方特色补助支出', code: '', role: 'value', value: 350000 },
      { raw: '70%', item: '地方特色补助支出', role: 'share', value: 70 },
    ],
    not: [
      { raw: '35万元', item: '卫生健康支出' },
      { raw: '70%', item: '卫生健康支出' },
    ],
  },
  {
    name: 'a comparison after a line goes on with that line',
    text: '财政拨款支出30万元，其中：教育支出20万元，较上年增加2万元；乡村振兴支出10万元，较上年减少1万元。',
    facts: [
      { raw: '2万元', item: '教育支出', role: 'yoy_change', value: 20000 },
      { raw: '1万元', item: '乡村振兴支出', role: 'yoy_change', value: -10000 },
    ],
    not: [{ raw: '1万元', item: '教育支出' }],
  },
  {
    name: 'economic lines under 基本支出 are by_economic with their codes',
    text: '基本支出50万元，其中：工资福利支出40万元、商品和服务支出8万元、对个人和家庭的补助2万元。',
    facts: [
      { raw: '40万元', metric: 'expenditure.by_economic', item: '工资福利支出', code: '301', role: 'value', value: 400000 },
      { raw: '8万元', metric: 'expenditure.by_economic', item: '商品和服务支出', code: '302', role: 'value', value: 80000 },
    ],
  },
  {
    name: 'an unknown economic line after known ones keeps its own name',
    text: '基本支出50万元，其中：工资福利支出40万元、商品和服务支出8万元、特殊岗位津贴补助2万元。',
    facts: [{ raw: '2万元', metric: 'expenditure.by_economic', item: '特殊岗位津贴补助', code: '', role: 'value', value: 20000 }],
    not: [{ raw: '2万元', item: '商品和服务支出' }],
  },
  {
    name: 'lines of 机关运行经费 are operating_costs.item',
    text: '机关运行经费20万元，其中：办公费5万元、印刷费1万元、水电费2万元。',
    facts: [
      { raw: '20万元', metric: 'operating_costs.total', role: 'value', value: 200000 },
      { raw: '5万元', metric: 'operating_costs.item', item: '办公费', role: 'value', value: 50000 },
      { raw: '2万元', metric: 'operating_costs.item', item: '水电费', role: 'value', value: 20000 },
    ],
  },
  {
    name: 'an item-shaped name after a headline total is not that total',
    text: '支出总计100万元，乡村振兴补助支出5万元。',
    facts: [{ raw: '100万元', metric: 'expenditure.total', role: 'value', value: 1000000 }],
    not: [{ raw: '5万元', metric: 'expenditure.total' }],
  },
  {
    name: 'a list of staff counts keeps each line’s name',
    text: '本部门实有人数76人，其中在职人员48人，包括行政人员22人，全部补助事业人员26人。',
    facts: [
      { raw: '76人', metric: 'staff.actual', role: 'value', value: 76 },
      { raw: '22人', metric: 'staff.actual', item: '行政人员', role: 'value', value: 22 },
      { raw: '26人', metric: 'staff.actual', item: '全部补助事业人员', role: 'value', value: 26 },
    ],
    not: [{ raw: '26人', item: '行政人员' }],
  },
  {
    name: 'a sibling metric after a list of quota lines is its own metric',
    text: '机关编制56人，其中：行政编制24人，事业编制32人；实有人数50人。',
    facts: [
      { raw: '24人', metric: 'staff.quota', item: '行政编制', role: 'value', value: 24 },
      { raw: '50人', metric: 'staff.actual', role: 'value', value: 50 },
    ],
    not: [{ raw: '50人', metric: 'staff.quota' }],
  },
  {
    name: 'the retired staff total has no item; its lines do',
    text: '离退休人员15人，其中：离休1人、退休14人。',
    facts: [
      { raw: '15人', metric: 'staff.retired', item: '', role: 'value', value: 15 },
      { raw: '14人', metric: 'staff.retired', item: '退休', role: 'value', value: 14 },
    ],
  },
  {
    name: 'retired staff listed in the staff’s list beside their siblings are its lines',
    text: '实有人数11人，其中：在职人员10人，离休人员0人，退休人员1人。',
    facts: [
      { raw: '0人', metric: 'staff.retired', item: '离休人员', role: 'value', value: 0 },
      { raw: '1人', metric: 'staff.retired', item: '退休人员', role: 'value', value: 1 },
    ],
  },
  {
    name: 'retired and pensioned staff counted side by side are its lines; their total keeps no item',
    text: '实有在职人员14人，实有离休人员0人，实有退休人员2人。离退休人员141人，其中离休人员1人，退休人员140人。总编制人数421人，离休1人，退休87人。',
    facts: [
      { raw: '0人', metric: 'staff.retired', item: '离休人员', role: 'value', value: 0 },
      { raw: '2人', metric: 'staff.retired', item: '退休人员', role: 'value', value: 2 },
      { raw: '141人', metric: 'staff.retired', item: '', role: 'value', value: 141 },
      { raw: '87人', metric: 'staff.retired', item: '退休', role: 'value', value: 87 },
    ],
    not: [{ raw: '141人', item: '离退休人员' }],
  },
  {
    name: 'retired staff alone in another list are the retired total, with no item',
    text: '职工34人，其中：在编人员21人，聘用人员13人，退休职工10人。',
    facts: [{ raw: '10人', metric: 'staff.retired', item: '', role: 'value', value: 10 }],
    not: [{ raw: '10人', item: '退休' }],
  },
  {
    name: 'staff in service counted alone are the actual staff, with no item',
    text: '核定事业编制286名，实有在职职工512人。学院在职教职工386人。',
    facts: [
      { raw: '512人', metric: 'staff.actual', item: '', role: 'value', value: 512 },
      { raw: '386人', metric: 'staff.actual', item: '', role: 'value', value: 386 },
    ],
  },
  {
    name: 'counts of posts after the staff sentence are no lines of the retired staff',
    doc: '部门预算',
    year: 2018,
    text: '实有在职人员总数14人，实有离休人员0人，实有退休人员0人。具体情况如下：\n按照核定的岗位核算工资，目前套用核定的工资岗位为专技岗7人（其中：专技十级2人、专技十二级3人）；管理岗位4人；工勤岗3人。',
    facts: [{ raw: '14人', metric: 'staff.actual', role: 'value', value: 14 }],
    not: [
      { raw: '7人', metric: 'staff.retired' },
      { raw: '2人', metric: 'staff.retired' },
      { raw: '4人', metric: 'staff.retired' },
      { raw: '3人', metric: 'staff.retired' },
    ],
  },
  {
    name: 'present workers are the actual staff, and their lines are its items',
    text: '本院现有职工19人，其中在编人员13人，临时工4人。',
    facts: [
      { raw: '19人', metric: 'staff.actual', item: '', role: 'value', value: 19 },
      { raw: '13人', metric: 'staff.actual', item: '在编人员', role: 'value', value: 13 },
    ],
  },
  {
    name: 'amounts listed after 分别为 share the clause before them',
    text: '公务用车购置费、公务用车运行维护费分别为10万元、5万元。',
    facts: [
      { raw: '10万元', role: 'value', value: 100000 },
      { raw: '5万元', role: 'value', value: 50000 },
    ],
    not: [{ metric: 'unmapped', raw: '5万元' }],
  },
  {
    name: 'projects listed after 其中 are project items',
    text: '项目支出20万元，其中：办公楼维修项目12万元、信息化建设项目8万元。',
    facts: [
      { raw: '12万元', metric: 'expenditure.project_item', item: '办公楼维修项目', role: 'value', value: 120000 },
      { raw: '8万元', metric: 'expenditure.project_item', item: '信息化建设项目', role: 'value', value: 80000 },
    ],
    not: [{ raw: '8万元', item: '办公楼维修项目' }],
  },
  {
    name: 'vehicles by kind are lines of the vehicles held',
    text: '截至2023年12月31日，共有车辆5辆，其中：执法执勤用车3辆、特种专业技术用车2辆。',
    facts: [
      { raw: '5辆', metric: 'assets.vehicles', role: 'value', value: 5 },
      { raw: '3辆', metric: 'assets.vehicles', item: '执法执勤用车', role: 'value', value: 3 },
      { raw: '2辆', metric: 'assets.vehicles', item: '特种专业技术用车', role: 'value', value: 2 },
    ],
  },
  {
    name: 'an economic breakdown named by 按经济分类 takes economic codes',
    text: '按经济分类，工资福利支出30万元、商品和服务支出20万元、资本性支出5万元。',
    facts: [
      { raw: '30万元', item: '工资福利支出', code: '301', role: 'value', value: 300000 },
      { raw: '20万元', item: '商品和服务支出', code: '302', role: 'value', value: 200000 },
      { raw: '5万元', item: '资本性支出', code: '310', role: 'value', value: 50000 },
    ],
  },
  {
    name: 'personnel and public expenses under 基本支出 are their own metrics',
    text: '基本支出50万元，其中：人员经费40万元，公用经费10万元。',
    facts: [
      { raw: '40万元', metric: 'expenditure.personnel', role: 'value', value: 400000 },
      { raw: '10万元', metric: 'expenditure.public_operating', role: 'value', value: 100000 },
    ],
    not: [{ raw: '40万元', metric: 'expenditure.basic' }],
  },
  {
    name: 'a part of a total with no lines of its own is unplaced, not the total',
    text: '资产原值合计200万元，其中：土地、房屋及构筑物70万元，通用设备30万元。',
    facts: [{ raw: '200万元', metric: 'assets.fixed_assets', role: 'value', value: 2000000 }],
    not: [
      { raw: '70万元', metric: 'assets.fixed_assets' },
      { raw: '30万元', metric: 'assets.fixed_assets' },
    ],
  },
  {
    name: 'counts of survivors and students are no staff',
    text: '实有人数34人，其中：在编人员21人；退休人员10人，遗属4人；在校学生1190人。',
    facts: [
      { raw: '34人', metric: 'staff.actual', role: 'value', value: 34 },
      { raw: '10人', metric: 'staff.retired', item: '', role: 'value', value: 10 },
    ],
    not: [
      { raw: '10人', item: '退休人员' },
      { raw: '4人', metric: 'staff.retired' },
      { raw: '1190人', metric: 'staff.retired' },
      { raw: '4人', metric: 'staff.quota' },
    ],
  },
  {
    name: 'the sources of appropriation income listed in brackets, then the income’s own share',
    text: '本年收入合计519.07万元；包括财政拨款收入500.12万元（其中，一般公共预算500.12万元，政府性基金预算0万元，国有资本经营预算0万元），占收入合计96.35%。',
    facts: [
      { raw: '500.12万元', metric: 'income.fiscal_appropriation', role: 'value', value: 5001200 },
      { raw: '500.12万元', metric: 'income.general_budget', role: 'value', value: 5001200 },
      { raw: '96.35%', metric: 'income.fiscal_appropriation', role: 'share', value: 96.35 },
    ],
    not: [{ role: 'budget' }, { raw: '96.35%', metric: 'income.state_capital' }, { metric: 'expenditure.by_function' }],
  },
  {
    name: 'an economic line named with the figure it gives (…预算) is named without it',
    doc: '部门预算',
    year: 2024,
    text: '按经济分类，对个人和家庭补助支出预算4800元，占0.52%。',
    facts: [{ raw: '4800元', metric: 'expenditure.by_economic', item: '对个人和家庭补助支出', role: 'value', value: 4800 }],
  },
]);

block('2. codes come from the classification table', [
  {
    name: 'a 类 named without its 支出 after the words that say the function breakdown is listed',
    doc: '单位预算',
    year: 2022,
    text: '其中：基本支出5212.91万元，占总支出100%。按支出功能分类：教育4411.13万元，占总支出84.62%；社会保障和就业406.13万元，占总支出7.79%。',
    facts: [
      { raw: '4411.13万元', metric: 'expenditure.by_function', item: '教育', code: '205', role: 'value', value: 44111300 },
      { raw: '84.62%', metric: 'expenditure.by_function', item: '教育', code: '205', role: 'share', value: 84.62 },
      { raw: '406.13万元', metric: 'expenditure.by_function', item: '社会保障和就业', code: '208', role: 'value', value: 4061300 },
    ],
  },
  {
    name: 'a renamed 类 keeps its code under its old name',
    text: '一般公共预算财政拨款支出60万元，其中：医疗卫生与计划生育支出20万元、社会保障和就业支出40万元。',
    year: 2018,
    facts: [{ raw: '20万元', item: '医疗卫生与计划生育支出', code: '210', role: 'value', value: 200000 }],
  },
  {
    name: 'a 项 name shared by many 款 gets no code alone',
    text: '一般公共预算财政拨款支出10万元，其中：行政运行10万元。',
    facts: [{ raw: '10万元', metric: 'general_budget_expenditure.total', role: 'value', value: 100000 }],
    not: [{ item: '行政运行', code: '2010101' }],
  },
  {
    name: 'a 类/款/项 path names its 项 and the code of the path',
    text: '1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）年初预算为10万元，支出决算为12万元，完成年初预算的120%。',
    facts: [
      { raw: '10万元', item: '机关事业单位基本养老保险缴费支出', code: '2080505', role: 'budget', value: 100000 },
      { raw: '12万元', item: '机关事业单位基本养老保险缴费支出', code: '2080505', role: 'value', value: 120000 },
      { raw: '120%', item: '机关事业单位基本养老保险缴费支出', role: 'budget_completion_rate', value: 120 },
    ],
  },
  {
    name: 'a catch-all 其他… line takes its parent’s 99 code where the table has it',
    text: '城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）5万元。',
    facts: [{ raw: '5万元', item: '其他城乡社区管理事务支出', code: '2120199', role: 'value', value: 50000 }],
  },
  {
    name: 'a path through 住房改革支出 gets its 项 code',
    text: '住房保障支出（类）住房改革支出（款）住房公积金（项）12.5万元。',
    facts: [{ raw: '12.5万元', item: '住房公积金', code: '2210201', role: 'value', value: 125000 }],
  },
  {
    name: 'a 类 the mined table lacked is known by name',
    text: '一般公共预算财政拨款支出30万元，其中：节能环保支出30万元。',
    facts: [{ raw: '30万元', item: '节能环保支出', code: '211', role: 'value', value: 300000 }],
  },
  {
    name: 'a path whose name holds a bracket of its own',
    text: '一般公共服务（类）党委办公厅（室）及相关机构事务（款）行政运行（项）3万元。',
    facts: [{ raw: '3万元', item: '行政运行', role: 'value', value: 30000 }],
    not: [{ metric: 'unmapped' }],
  },
]);

block('3. a clause’s own year, against the document’s, decides value or prior_year', [
  {
    name: 'a budget’s figure for the year before is prior_year',
    doc: '部门预算',
    year: 2022,
    text: '2021年收入预算总额650.00万元，2022年收入预算总额700.00万元。',
    facts: [
      { raw: '650.00万元', metric: 'income.total', role: 'prior_year', value: 6500000 },
      { raw: '700.00万元', metric: 'income.total', role: 'value', value: 7000000 },
    ],
  },
  {
    name: 'a final account’s 上年决算数 is prior_year',
    year: 2020,
    text: '2020年度支出总计120万元，2019年决算数为100万元。',
    facts: [
      { raw: '120万元', metric: 'expenditure.total', role: 'value', value: 1200000 },
      { raw: '100万元', role: 'prior_year', value: 1000000 },
    ],
  },
  {
    name: '上年 and 上年度 name last year',
    text: '收入总计90万元，上年度收入总计80万元；支出总计85万元，上年75万元。',
    facts: [
      { raw: '90万元', metric: 'income.total', role: 'value', value: 900000 },
      { raw: '80万元', metric: 'income.total', role: 'prior_year', value: 800000 },
      { raw: '75万元', metric: 'expenditure.total', role: 'prior_year', value: 750000 },
    ],
  },
  {
    name: 'a comparison with last year’s figure is a change, not last year’s figure',
    text: '2023年度收入总计500万元，与2022年相比，增加30万元，增长6.38%。',
    facts: [
      { raw: '30万元', metric: 'income.total', role: 'yoy_change', value: 300000 },
      { raw: '6.38%', metric: 'income.total', role: 'yoy_rate', value: 6.38 },
    ],
    not: [{ raw: '30万元', role: 'prior_year' }],
  },
  {
    name: 'a year inside a project’s name is no year of the figure',
    year: 2019,
    text: '项目支出30万元，主要项目是：①补充2018年运行经费不足费用20000元；②2018年度目标责任制考核奖金12000元。',
    facts: [
      { raw: '20000元', metric: 'expenditure.project_item', role: 'value', value: 20000 },
      { raw: '12000元', metric: 'expenditure.project_item', role: 'value', value: 12000 },
    ],
    not: [{ role: 'prior_year' }],
  },
  {
    name: 'staff at the end of last year are this budget’s staff',
    doc: '部门预算',
    year: 2022,
    text: '本部门2021年年末实有人数76人。',
    facts: [{ raw: '76人', metric: 'staff.actual', role: 'value', value: 76 }],
    not: [{ role: 'prior_year' }],
  },
  {
    name: 'a date is no year of comparison',
    year: 2022,
    text: '截至2022年12月31日，共有车辆5辆。',
    facts: [{ raw: '5辆', metric: 'assets.vehicles', role: 'value', value: 5 }],
  },
  {
    name: 'a change stated against a named year is year on year',
    doc: '部门预算',
    year: 2024,
    text: '2024年一般公共预算支出100万元，比2023年预算增加10万元，增长11.11%。',
    facts: [
      { raw: '10万元', metric: 'general_budget_expenditure.total', role: 'yoy_change', value: 100000 },
      { raw: '11.11%', metric: 'general_budget_expenditure.total', role: 'yoy_rate', value: 11.11 },
    ],
  },
  {
    name: 'this year’s budget named with its year is the value',
    doc: '部门预算',
    year: 2024,
    text: '2024年部门收入预算总额350万元，其中：一般公共预算拨款收入300万元。',
    facts: [
      { raw: '350万元', metric: 'income.total', role: 'value', value: 3500000 },
      { raw: '300万元', metric: 'income.general_budget', role: 'value', value: 3000000 },
    ],
  },
  {
    name: 'a budget’s last final figure and its own budget figure',
    doc: '部门预算',
    year: 2023,
    text: '一般公共预算支出2022年决算数为80万元，2023年预算数为90万元。',
    facts: [
      { raw: '80万元', metric: 'general_budget_expenditure.total', role: 'prior_year', value: 800000 },
      { raw: '90万元', metric: 'general_budget_expenditure.total', role: 'value', value: 900000 },
    ],
  },
  {
    name: 'last year’s number on a figure the sentence then compares with 上年 is the document’s own',
    year: 2023,
    text: '2022年“三公”经费财政拨款支出决算为3.46万元，完成预算100%，较上年增加2.4万元。',
    facts: [
      { raw: '3.46万元', metric: 'three_public.total', role: 'value', value: 34600 },
      { raw: '2.4万元', metric: 'three_public.total', role: 'yoy_change', value: 24000 },
    ],
    not: [{ raw: '3.46万元', role: 'prior_year' }],
  },
  {
    name: 'a figure of the year before, compared with a year named after it, stays prior_year',
    doc: '部门预算',
    year: 2022,
    text: '2021年收入预算总额650万元，比2020年增加50万元。',
    facts: [{ raw: '650万元', metric: 'income.total', role: 'prior_year', value: 6500000 }],
  },
  {
    name: 'a figure of the year before stays prior_year when another year’s clause comes before the comparison',
    doc: '部门预算',
    year: 2022,
    text: '2021年收入预算总额650万元，2022年收入预算总额700万元，比上年增加50万元。',
    facts: [
      { raw: '650万元', metric: 'income.total', role: 'prior_year', value: 6500000 },
      { raw: '700万元', metric: 'income.total', role: 'value', value: 7000000 },
    ],
  },
  {
    name: 'a figure two years back is never the document’s own',
    year: 2023,
    text: '2021年“三公”经费支出决算为4万元，较上年增加1万元。',
    facts: [{ raw: '4万元', metric: 'three_public.total', role: 'prior_year', value: 40000 }],
  },
  {
    name: '去年同期 is last year',
    text: '公务接待费支出3万元，去年同期支出5万元。',
    facts: [{ raw: '5万元', metric: 'three_public.reception', role: 'prior_year', value: 50000 }],
  },
]);

block('performance targets', [
  {
    name: 'the funds a performance target covers',
    doc: '部门预算',
    year: 2023,
    text: '开展绩效目标管理的项目7个，涉及预算489.65万元。',
    facts: [
      { raw: '7个', metric: 'performance.projects', role: 'value', value: 7 },
      { raw: '489.65万元', metric: 'performance.amount', role: 'value', value: 4896500 },
    ],
  },
  {
    name: 'projects counted before the words of their evaluation',
    text: '本部门对12个项目开展绩效自评，涉及资金680.30万元。',
    facts: [
      { raw: '12个', metric: 'performance.projects', role: 'value', value: 12 },
      { raw: '680.30万元', metric: 'performance.amount', role: 'value', value: 6803000 },
    ],
  },
]);

block('organisation counts', [
  {
    name: 'subordinate units named before or after their count, internal units apart',
    text: '本部门内设机构7个，所属预算单位42个，直属事业单位2个。',
    facts: [
      { raw: '7个', metric: 'org.internal_units', role: 'value', value: 7 },
      { raw: '42个', metric: 'org.subordinate_units', role: 'value', value: 42 },
      { raw: '2个', metric: 'org.subordinate_units', role: 'value', value: 2 },
    ],
  },
  {
    name: 'internal units counted before their kind of office (5个部室, 5个党政内设机构)',
    text: '内设综合部、信息技术部、财务部5个部室。镇党委、政府设置党政综合办公室、民政办公室5个党政内设机构。',
    facts: [{ raw: '5个', metric: 'org.internal_units', role: 'value', value: 5 }],
    not: [{ metric: 'org.subordinate_units' }],
  },
  {
    name: 'the kinds of units in a breakdown are no count of subordinate units',
    text: '本部门共有预算单位5家，其中：行政单位1家，事业单位4家。',
    facts: [],
    not: [{ raw: '4家', metric: 'org.subordinate_units' }],
  },
]);

block('4. a reason’s figures belong to the reason’s own subject', [
  {
    name: 'the parts named after 主要原因是 are their own metrics, each a change',
    text: '支出总计100万元，较上年增加40.00万元，主要原因是人员经费增加30.00万元、商品和服务支出增加10.00万元。',
    facts: [
      { raw: '40.00万元', metric: 'expenditure.total', role: 'yoy_change', value: 400000 },
      { raw: '30.00万元', metric: 'expenditure.personnel', role: 'yoy_change', value: 300000 },
      { raw: '10.00万元', metric: 'expenditure.by_economic', item: '商品和服务支出', code: '302', role: 'yoy_change', value: 100000 },
    ],
    not: [{ raw: '30.00万元', metric: 'expenditure.total' }, { item: '商品和服务支出增加' }],
  },
  {
    name: 'a line’s name stops where its comparison begins',
    doc: '部门预算',
    year: 2023,
    text: '（三）差旅费较2022年预算增长33.74%。（四）印刷费比上年减少2.5万元。',
    facts: [
      { raw: '33.74%', metric: 'expenditure.by_economic', item: '差旅费', code: '30211', role: 'yoy_rate', value: 33.74 },
      { raw: '2.5万元', metric: 'expenditure.by_economic', item: '印刷费', role: 'yoy_change', value: -25000 },
    ],
    not: [{ item: '差旅费较2022年' }, { item: '印刷费比上年' }],
  },
  {
    name: 'the words that open a reason or number its points are no part of a line’s name',
    text: '支出总计500万元，较上年减少30万元，主要原因是项目支出减少20.00万元；二是商品和服务支出减少6.00万元，三是对个人和家庭的补助减少4.00万元。',
    facts: [
      { raw: '20.00万元', metric: 'expenditure.project', role: 'yoy_change', value: -200000 },
      { raw: '6.00万元', metric: 'expenditure.by_economic', item: '商品和服务支出', role: 'yoy_change', value: -60000 },
      { raw: '4.00万元', metric: 'expenditure.by_economic', item: '对个人和家庭的补助', role: 'yoy_change', value: -40000 },
    ],
    not: [{ item: '原因是项目支出' }, { item: '二是商品和服务支出' }, { item: '三是对个人和家庭的补助' }],
  },
  {
    name: 'a reason’s line of a total that has lines of its own is one of them',
    year: 2019,
    text: '2019年度机关运行经费支出63.72万元，较上年减少3.16万元，主要原因是办公费减少3.16万元、差旅费减少1万元。',
    facts: [
      { raw: '3.16万元', metric: 'operating_costs.total', role: 'yoy_change', value: -31600 },
      { raw: '3.16万元', metric: 'operating_costs.item', item: '办公费', role: 'yoy_change', value: -31600 },
      { raw: '1万元', metric: 'operating_costs.item', item: '差旅费', role: 'yoy_change', value: -10000 },
    ],
    not: [{ metric: 'expenditure.by_economic' }],
  },
  {
    name: 'a unit naming itself (我院, 本校) names no line: 我院项目支出 is the project total',
    year: 2016,
    text: '本年度我院项目支出14,629.33万元，占总支出的54.19%，在项目支出当中，教育事业支出14,412.87万元。',
    facts: [
      { raw: '14,629.33万元', metric: 'expenditure.project', item: '', role: 'value', value: 146293300 },
      { raw: '54.19%', metric: 'expenditure.project', role: 'share', value: 54.19 },
    ],
    not: [{ item: '我院项目支出' }, { raw: '14,412.87万元', metric: 'expenditure.project', item: '' }],
  },
  {
    name: 'a function line named with the appropriation for it (教育支出拨款) in a reason is that line',
    doc: '部门预算',
    year: 2022,
    text: '收入较2021年减少180.69万元，主要原因是教育支出拨款减少87.53万元，住房保障支出减少拨款24.61万元。',
    facts: [
      { raw: '87.53万元', metric: 'expenditure.by_function', item: '教育支出', code: '205', role: 'yoy_change', value: -875300 },
      { raw: '24.61万元', metric: 'expenditure.by_function', item: '住房保障支出', code: '221', role: 'yoy_change', value: -246100 },
    ],
  },
  {
    name: 'words of cause after a line’s name are no part of it',
    year: 2021,
    text: '支出较去年增加182.53万元，主要原因是教育支出因增人增资等政策性因素增加77.10万元。',
    facts: [{ raw: '77.10万元', metric: 'expenditure.by_function', item: '教育支出', code: '205', role: 'yoy_change', value: 771000 }],
    not: [{ item: '教育支出因增人增资等政策性因素' }],
  },
  {
    name: 'a decrease named in a reason is negative',
    text: '基本支出60万元，比上年减少20万元，主要原因是公用经费减少5万元。',
    facts: [{ raw: '5万元', metric: 'expenditure.public_operating', role: 'yoy_change', value: -50000 }],
    not: [{ raw: '5万元', metric: 'expenditure.basic' }],
  },
  {
    name: 'a reason naming nothing known is left unplaced, not given the sentence’s subject',
    text: '收入总计200万元，较上年增加50万元，主要原因是新增专项资金30万元。',
    facts: [{ raw: '50万元', metric: 'income.total', role: 'yoy_change', value: 500000 }],
    not: [{ raw: '30万元', metric: 'income.total' }],
  },
  {
    name: 'a reason’s 基本支出 is expenditure.basic',
    text: '支出总计300万元，较上年减少250万元，主要原因是基本支出减少203.33万元。',
    facts: [{ raw: '203.33万元', metric: 'expenditure.basic', role: 'yoy_change', value: -2033300 }],
  },
  {
    name: '较上年增加收入 is a change of income, never last year’s figure',
    text: '本年收入合计500万元，较上年增加收入58.20万元。',
    facts: [{ raw: '58.20万元', role: 'yoy_change', value: 582000 }],
    not: [{ raw: '58.20万元', role: 'prior_year' }],
  },
  {
    name: '本年数小于上年预算数 is a change downward',
    doc: '部门预算',
    year: 2017,
    text: '公务接待费预算支出156.55万元，本年数小于上年预算数29.65万元。',
    facts: [{ raw: '29.65万元', metric: 'three_public.reception', role: 'yoy_change', value: -296500 }],
  },
  {
    name: 'a reason clause after the figure does not move its subject',
    text: '公务接待费2.05万元，较上年减少0.03万元，主要原因是严格控制接待标准。',
    facts: [
      { raw: '2.05万元', metric: 'three_public.reception', role: 'value', value: 20500 },
      { raw: '0.03万元', metric: 'three_public.reception', role: 'yoy_change', value: -300 },
    ],
  },
  {
    name: '压减 is a decrease',
    text: '项目支出50万元，较上年压减7.00万元。',
    facts: [{ raw: '7.00万元', metric: 'expenditure.project', role: 'yoy_change', value: -70000 }],
  },
  {
    name: '增减原因 opens a reason as 主要原因是 does',
    text: '支出总计80万元，较上年减少6万元。增减原因：会议费减少2万元、培训费减少4万元。',
    facts: [
      { raw: '2万元', metric: 'meetings.total', role: 'yoy_change', value: -20000 },
      { raw: '4万元', metric: 'training.total', role: 'yoy_change', value: -40000 },
    ],
    not: [{ raw: '2万元', metric: 'expenditure.total' }],
  },
  {
    name: 'a project line in a reason keeps its own name',
    text: '项目支出50万元，较上年减少16万元，主要原因是项目资金压减，其中职工培训项目压减7.00万元。',
    facts: [{ raw: '16万元', metric: 'expenditure.project', role: 'yoy_change', value: -160000 }],
    not: [{ raw: '7.00万元', metric: 'expenditure.project' }],
  },
  {
    name: 'a classification word inside longer words of a reason names no line',
    text: '支出总计1070万元，较上年增加158.96万元，主要原因是本年度增加非财政性资金拆迁补偿款158.96万元。',
    facts: [{ raw: '1070万元', metric: 'expenditure.total', role: 'value', value: 10700000 }],
    not: [{ raw: '158.96万元', metric: 'expenditure.by_economic' }],
  },
  {
    name: 'a figure of a reason that names nothing goes on with what the reason named',
    doc: '部门预算',
    year: 2018,
    text: '“三公”经费预算增减变化的主要原因是：2018年“三公”经费支出预算合计24.75万元，比上年预算数减少4.65万元。',
    facts: [
      { raw: '24.75万元', metric: 'three_public.total', role: 'value', value: 247500 },
      { raw: '4.65万元', metric: 'three_public.total', role: 'yoy_change', value: -46500 },
    ],
  },
]);

block('1b. a name that opens its own sentence after a headline figure is another subject', [
  {
    name: 'a part of the procurement budget named in a sentence of its own',
    doc: '部门预算',
    text: '政府采购预算100万元，同比增加10万元，主要原因是增加了服务类采购等。分散采购30万元，同比增加5万元。',
    facts: [{ raw: '100万元', metric: 'procurement.total', role: 'value', value: 1000000 }],
    not: [
      { raw: '30万元', metric: 'procurement.total' },
      { raw: '5万元', metric: 'procurement.total' },
    ],
  },
  {
    name: 'the subject before, named again in short, goes on',
    year: 2020,
    text: '2020年一般公共预算财政拨款支出1264.92万元，占本年支出合计的31.45%。与2019年相比，一般公共预算财政拨款增加27.44万元，增长2.22%。',
    facts: [
      { raw: '27.44万元', metric: 'general_budget_expenditure.total', role: 'yoy_change', value: 274400 },
      { raw: '2.22%', metric: 'general_budget_expenditure.total', role: 'yoy_rate', value: 2.22 },
    ],
    not: [{ metric: 'income.general_budget' }],
  },
  {
    name: 'a name that is no short form of the subject before is its own',
    year: 2020,
    text: '一般公共预算财政拨款支出100万元。一般公共预算财政拨款收入120万元。',
    facts: [{ raw: '120万元', metric: 'income.general_budget', role: 'value', value: 1200000 }],
  },
  {
    name: 'a sentence that opens with a fund’s income goes on with that fund’s spending',
    year: 2021,
    text: '2021年度财政拨款收入总计500.12万元，支出总计500.12万元，与2020年相比，增加40.72万元，增长8.86%。2021年度一般公共预算收入总计1085.31万元，本年支出1070.67万元。',
    facts: [
      { raw: '500.12万元', metric: 'income.fiscal_appropriation', role: 'value', value: 5001200 },
      { raw: '500.12万元', metric: 'appropriation_expenditure.total', role: 'value', value: 5001200 },
      { raw: '40.72万元', metric: 'appropriation_expenditure.total', role: 'yoy_change', value: 407200 },
      { raw: '1070.67万元', metric: 'general_budget_expenditure.total', role: 'value', value: 10706700 },
    ],
    not: [{ metric: 'expenditure.total' }, { metric: 'expenditure.current_year' }],
  },
  {
    name: 'a fund’s income listed under the total opens no fund’s spending; a bare 收入 names its total over the words before it',
    year: 2022,
    text: '2022年本单位收入2854.36万元，其中财政拨款收入2811.48万元，政府性基金收入42.88万元，支出2854.36万元，其中财政拨款支出2811.48万元，无结转结余，收入较上年减少20565.34万元，同比减少87.81%。',
    facts: [
      { raw: '2854.36万元', metric: 'expenditure.total', role: 'value', value: 28543600 },
      { raw: '20565.34万元', metric: 'income.total', role: 'yoy_change', value: -205653400 },
      { raw: '87.81%', metric: 'income.total', role: 'yoy_rate', value: -87.81 },
    ],
    not: [{ metric: 'government_fund_expenditure.total', raw: '2854.36万元' }, { metric: 'balance.year_end' }],
  },
  {
    name: 'the totals of all funds, or a new sentence, keep the bare total',
    year: 2021,
    text: '本年收入合计100万元，本年支出合计90万元。一般公共预算财政拨款收入80万元。支出总计120万元。',
    facts: [
      { raw: '90万元', metric: 'expenditure.current_year', role: 'value', value: 900000 },
      { raw: '120万元', metric: 'expenditure.total', role: 'value', value: 1200000 },
    ],
  },
  {
    name: 'a change after equal income and expenditure totals is of both',
    year: 2019,
    text: '2019年度收入总计1,546.83万元、支出总计1,546.83万元，与2018年度相比各增加205.91万元，增长15.36%。',
    facts: [
      { raw: '205.91万元', metric: 'income.total', role: 'yoy_change', value: 2059100 },
      { raw: '205.91万元', metric: 'expenditure.total', role: 'yoy_change', value: 2059100 },
      { raw: '15.36%', metric: 'income.total', role: 'yoy_rate', value: 15.36 },
    ],
  },
  {
    name: 'equal totals in the sentence before: last year’s figure and the change that follow are of both',
    year: 2024,
    text: '2024年度收入总计7,316.48万元，支出总计7,316.48万元。2023年度收入、支出总计均为7,702.91万元，本年度减少386.43万元，下降5.02%。2023年度决算数为7,702.91万元。',
    facts: [
      { raw: '7,702.91万元', metric: 'income.total', role: 'prior_year', value: 77029100 },
      { raw: '7,702.91万元', metric: 'expenditure.total', role: 'prior_year', value: 77029100 },
      { raw: '386.43万元', metric: 'income.total', role: 'yoy_change', value: -3864300 },
      { raw: '5.02%', metric: 'expenditure.total', role: 'yoy_rate', value: -5.02 },
    ],
  },
  {
    name: 'the expenditure budget named 支出预算 is the expenditure total, and its change after a list of lines is the total’s',
    doc: '部门预算',
    year: 2022,
    text: '（二）支出预算：2022年年初预算数3555.75万元，其中：教育支出预算2526.67万元，住房保障支出预算156.11万元。支出预算较2021年减少180.69万元。',
    facts: [
      { raw: '3555.75万元', metric: 'expenditure.total', role: 'value', value: 35557500 },
      { raw: '2526.67万元', metric: 'expenditure.by_function', item: '教育支出', role: 'value', value: 25266700 },
      { raw: '180.69万元', metric: 'expenditure.total', role: 'yoy_change', value: -1806900 },
    ],
    not: [{ raw: '180.69万元', metric: 'expenditure.by_function' }],
  },
  {
    name: 'the year’s income subtotal (收入合计) is this year’s income, the grand total (收入总计) the total',
    year: 2019,
    text: '2019年度收入总计12,000万元，支出总计12,000万元。2019年度收入合计10,114.90万元，较上年决算数减少11,363.28万元，减少52.91%。',
    facts: [
      { raw: '12,000万元', metric: 'income.total', role: 'value', value: 120000000 },
      { raw: '10,114.90万元', metric: 'income.current_year', role: 'value', value: 101149000 },
      { raw: '52.91%', metric: 'income.current_year', role: 'yoy_rate', value: -52.91 },
    ],
    not: [{ raw: '10,114.90万元', metric: 'income.total' }],
  },
  {
    name: 'a change after totals that differ is of the one named last',
    year: 2019,
    text: '2019年度本年收入合计500万元，支出总计480万元，较上年增加20万元。',
    facts: [{ raw: '20万元', metric: 'expenditure.total', role: 'yoy_change', value: 200000 }],
    not: [{ raw: '20万元', metric: 'income.total' }],
  },
  {
    name: 'a sentence that opens with a like-for-like comparison after a list compares the list’s total',
    doc: '部门预算',
    year: 2019,
    text: '“三公”经费预算为3328万元。其中，因公出国（境）费50万元，公务接待费478万元，公务用车购置及运行费2800万元。同口径比2018年减少830万元，下降20%。',
    facts: [
      { raw: '830万元', metric: 'three_public.total', role: 'yoy_change', value: -8300000 },
      { raw: '20%', metric: 'three_public.total', role: 'yoy_rate', value: -20 },
    ],
    not: [{ raw: '830万元', metric: 'three_public.vehicles' }],
  },
  {
    name: 'a sentence that opens with a comparison after a list compares the list’s total',
    doc: '部门预算',
    year: 2021,
    text: '2021年收入预算4,318.57万元，其中：一般公共预算拨款收入3,862.07万元，其他收入250.00万元。比2020年预算4,406.02万元减少87.45万元，下降1.98%。',
    facts: [
      { raw: '4,406.02万元', metric: 'income.total', role: 'prior_year', value: 44060200 },
      { raw: '87.45万元', metric: 'income.total', role: 'yoy_change', value: -874500 },
      { raw: '1.98%', metric: 'income.total', role: 'yoy_rate', value: -1.98 },
    ],
    not: [{ raw: '87.45万元', metric: 'income.other' }],
  },
  {
    name: '收支 opening a sentence names the totals: its change goes on with them',
    text: '支出总计100万元。收支较上年决算数减少10万元，下降9.09%。',
    facts: [{ raw: '9.09%', metric: 'expenditure.total', role: 'yoy_rate', value: -9.09 }],
  },
]);

block('5. comparisons with the budget are budget variances, not year on year', [
  {
    name: 'the actual spending and its share of the total budget are the figure and its completion',
    year: 2021,
    text: '2021年红河县本级“三公”经费预算数为1,684万元，实际支出为1115.07万元，占总预算比为66.22%。',
    facts: [
      { raw: '1,684万元', metric: 'three_public.total', role: 'budget', value: 16840000 },
      { raw: '1115.07万元', metric: 'three_public.total', role: 'value', value: 11150700 },
      { raw: '66.22%', metric: 'three_public.total', role: 'budget_completion_rate', value: 66.22 },
    ],
    not: [{ role: 'share' }],
  },
  {
    name: 'a rate right after the budget named with its amount is that budget’s completion',
    year: 2023,
    text: '2023年度“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元。',
    facts: [
      { raw: '84.82万元', metric: 'three_public.total', role: 'budget', value: 848200 },
      { raw: '73.2%', metric: 'three_public.total', role: 'budget_completion_rate', value: 73.2 },
      { raw: '38.97万元', metric: 'three_public.total', role: 'yoy_change', value: 389700 },
    ],
  },
  {
    name: 'a line named with its 年初预算 is named without it',
    text: '其他支出年初预算230.00万元，决算260.00万元，比年初预算增加30.00万元，增长13.04%。',
    facts: [
      { raw: '230.00万元', metric: 'expenditure.by_function', item: '其他支出', code: '229', role: 'budget', value: 2300000 },
      { raw: '30.00万元', metric: 'expenditure.by_function', item: '其他支出', role: 'budget_variance', value: 300000 },
      { raw: '13.04%', metric: 'expenditure.by_function', item: '其他支出', role: 'budget_variance_rate', value: 13.04 },
    ],
    not: [{ item: '其他支出年初' }],
  },
  {
    name: 'a change against last year’s budget is year on year, not a budget variance',
    year: 2020,
    text: '2020年“三公”经费决算数共计35.5万元，比上年预算数字下降35.45%，比上年决算数字下降34.26%。',
    facts: [
      { raw: '35.45%', metric: 'three_public.total', role: 'yoy_rate', value: -35.45 },
      { raw: '34.26%', metric: 'three_public.total', role: 'yoy_rate', value: -34.26 },
    ],
    not: [{ role: 'budget_variance_rate' }],
  },
  {
    name: 'a change and a rate against the budget',
    text: '一般公共预算财政拨款支出100万元，比年初预算减少1.20万元，下降12.00%。',
    facts: [
      { raw: '1.20万元', metric: 'general_budget_expenditure.total', role: 'budget_variance', value: -12000 },
      { raw: '12.00%', metric: 'general_budget_expenditure.total', role: 'budget_variance_rate', value: -12 },
    ],
    not: [{ role: 'yoy_change' }, { role: 'yoy_rate' }],
  },
  {
    name: 'a budget named with the document’s own year',
    text: '公务接待费支出2.14万元，与2023年度预算相比，增加1.14万元，增长1.14%，增长的原因是成立新的临时机构。',
    facts: [
      { raw: '1.14万元', metric: 'three_public.reception', role: 'budget_variance', value: 11400 },
      { raw: '1.14%', metric: 'three_public.reception', role: 'budget_variance_rate', value: 1.14 },
    ],
    not: [{ role: 'yoy_change' }, { role: 'yoy_rate' }],
  },
  {
    name: 'last year’s budget in a budget is a comparison with last year',
    doc: '部门预算',
    year: 2024,
    text: '公务接待费预算2.14万元，与2023年度预算相比，增加1.14万元，增长1.14%。',
    facts: [
      { raw: '1.14万元', metric: 'three_public.reception', role: 'yoy_change', value: 11400 },
      { raw: '1.14%', metric: 'three_public.reception', role: 'yoy_rate', value: 1.14 },
    ],
    not: [{ role: 'budget_variance' }],
  },
  {
    name: '“三公”经费年初预算 in a final account is the budget',
    text: '“三公”经费年初预算5万元，支出决算4万元。',
    facts: [
      { raw: '5万元', metric: 'three_public.total', role: 'budget', value: 50000 },
      { raw: '4万元', metric: 'three_public.total', role: 'value', value: 40000 },
    ],
  },
  {
    name: '“三公”经费预算 in a final account is the budget',
    text: '“三公”经费预算8万元，决算7.5万元。',
    facts: [{ raw: '8万元', metric: 'three_public.total', role: 'budget', value: 80000 }],
  },
  {
    name: 'completion of the budget',
    text: '财政拨款支出90万元，完成年初预算的98.5%。',
    facts: [{ raw: '98.5%', metric: 'appropriation_expenditure.total', role: 'budget_completion_rate', value: 98.5 }],
  },
  {
    name: '决算数大于预算数 is a positive variance',
    text: '一般公共预算财政拨款支出130万元，决算数大于预算数55.93万元。',
    facts: [{ raw: '55.93万元', metric: 'general_budget_expenditure.total', role: 'budget_variance', value: 559300 }],
  },
  {
    name: 'budget and last year in one sentence: each figure follows the comparison before it',
    text: '支出总计200万元，与年初预算相比，减少10万元，下降4.76%；与上年相比，增加20万元，增长11.11%。',
    facts: [
      { raw: '10万元', metric: 'expenditure.total', role: 'budget_variance', value: -100000 },
      { raw: '4.76%', metric: 'expenditure.total', role: 'budget_variance_rate', value: -4.76 },
      { raw: '20万元', metric: 'expenditure.total', role: 'yoy_change', value: 200000 },
      { raw: '11.11%', metric: 'expenditure.total', role: 'yoy_rate', value: 11.11 },
    ],
  },
  {
    name: 'in a budget, last year’s budget is compared year on year',
    doc: '部门预算',
    year: 2024,
    text: '一般公共预算支出150万元，比上年预算增加10万元。',
    facts: [{ raw: '10万元', metric: 'general_budget_expenditure.total', role: 'yoy_change', value: 100000 }],
    not: [{ role: 'budget_variance' }],
  },
  {
    name: 'an unsigned difference from the budget is left unplaced',
    text: '“三公”经费支出2.05万元，年初预算为2.95万元，差值为0.9万元。',
    facts: [
      { raw: '2.05万元', metric: 'three_public.total', role: 'value', value: 20500 },
      { raw: '2.95万元', metric: 'three_public.total', role: 'budget', value: 29500 },
    ],
    not: [{ raw: '0.9万元', metric: 'three_public.total' }],
  },
  {
    name: 'a new sentence compares with last year again',
    text: '支出总计200万元，比年初预算减少10万元。比上年增长5%。',
    facts: [{ raw: '5%', metric: 'expenditure.total', role: 'yoy_rate', value: 5 }],
  },
  {
    name: '超年初预算 is a positive variance',
    text: '公务用车运行维护费支出6万元，超年初预算1万元。',
    facts: [{ raw: '1万元', metric: 'three_public.vehicle_operation', role: 'budget_variance', value: 10000 }],
  },
  {
    name: 'a change against the adjusted budget',
    text: '项目支出40万元，比调整预算减少3万元。',
    facts: [{ raw: '3万元', metric: 'expenditure.project', role: 'budget_variance', value: -30000 }],
  },
  {
    name: '预算执行率 is completion of the budget',
    text: '基本支出60万元，预算执行率为95%。',
    facts: [{ raw: '95%', metric: 'expenditure.basic', role: 'budget_completion_rate', value: 95 }],
  },
]);

block('8. items written with their code', [
  {
    name: 'a code in square brackets before the name',
    text: '1.[2010801]行政运行301.27万元，年初预算296.00万元；2.[2210201]住房公积金9.40万元。',
    facts: [
      { raw: '301.27万元', metric: 'expenditure.by_function', item: '行政运行', code: '2010801', role: 'value', value: 3012700 },
      { raw: '296.00万元', item: '行政运行', code: '2010801', role: 'budget', value: 2960000 },
      { raw: '9.40万元', item: '住房公积金', code: '2210201', role: 'value', value: 94000 },
    ],
    not: [{ item: '[2010801]行政运行' }],
  },
  {
    name: 'a line written as its 类/款/项 path inside a list is the path’s deepest line',
    text: '按支出功能分类科目分，包括：教育支出1,262.18万元、其他支出5.00万元。其中，教育支出（类）普通教育（款）小学教育（项）1,180.62万元。',
    facts: [{ raw: '1,180.62万元', metric: 'expenditure.by_function', item: '小学教育', role: 'value', value: 11806200 }],
    not: [{ raw: '1,180.62万元', item: '普通教育' }],
  },
  {
    name: 'a year with a footnote digit before it is no code',
    year: 2017,
    text: '22017年预算数3786.71万元，调整数4610.19万元。',
    facts: [],
    not: [{ code: '22017' }, { item: '年' }, { raw: '3786.71万元', metric: 'general_budget_expenditure.by_function' }],
  },
  {
    name: 'a 类 with its code in front',
    text: '（二）205-教育支出812万元。',
    facts: [{ raw: '812万元', metric: 'expenditure.by_function', item: '教育支出', code: '205', role: 'value', value: 8120000 }],
    not: [{ item: '205-教育支出' }],
  },
  {
    name: 'a listed 款 with its code, and its comparison',
    text: '3、20502-普通教育640万元，较上年决算数增加12万元。',
    facts: [
      { raw: '640万元', item: '普通教育', code: '20502', role: 'value', value: 6400000 },
      { raw: '12万元', item: '普通教育', code: '20502', role: 'yoy_change', value: 120000 },
    ],
    not: [{ metric: 'unmapped' }, { item: '较上年决算数增加' }],
  },
  {
    name: 'a 项 with its code and a space',
    text: '2080505 机关事业单位基本养老保险缴费支出20万元。',
    facts: [{ raw: '20万元', item: '机关事业单位基本养老保险缴费支出', code: '2080505', role: 'value', value: 200000 }],
  },
  {
    name: 'coded 款 listed under a coded 类 each keep their own code',
    text: '（一）208-社会保障和就业支出50万元。1、20805-行政事业单位养老支出30万元；2、20808-抚恤20万元。',
    facts: [
      { raw: '50万元', item: '社会保障和就业支出', code: '208', role: 'value', value: 500000 },
      { raw: '30万元', item: '行政事业单位养老支出', code: '20805', role: 'value', value: 300000 },
      { raw: '20万元', item: '抚恤', code: '20808', role: 'value', value: 200000 },
    ],
  },
  {
    name: 'an economic code gives a by_economic line',
    text: '一般公共预算财政拨款基本支出中，30201 办公费5万元。',
    facts: [{ raw: '5万元', metric: 'general_budget_expenditure.by_economic', item: '办公费', code: '30201', role: 'value', value: 50000 }],
  },
  {
    name: 'a full-width dash between code and name',
    text: '201—一般公共服务支出120.5万元。',
    facts: [{ raw: '120.5万元', item: '一般公共服务支出', code: '201', role: 'value', value: 1205000 }],
  },
  {
    name: 'the text’s code stands where the table names it otherwise',
    text: '205-卫生健康支出10万元。',
    facts: [{ raw: '10万元', item: '卫生健康支出', code: '205', role: 'value', value: 100000 }],
  },
  {
    name: 'a year is not a code',
    text: '2023年教育支出10万元。',
    facts: [{ raw: '10万元', item: '教育支出', code: '205', role: 'value', value: 100000 }],
    not: [{ code: '202' }],
  },
  {
    name: 'a 款 with its code and a space, under a list number',
    text: '（1）20101 人大事务30万元。',
    facts: [{ raw: '30万元', item: '人大事务', code: '20101', role: 'value', value: 300000 }],
  },
  {
    name: 'a 项 name many 款 share takes the code the text gives',
    text: '2130101 行政运行15万元。',
    facts: [{ raw: '15万元', item: '行政运行', code: '2130101', role: 'value', value: 150000 }],
  },
  {
    name: 'an economic 类 with its code',
    text: '302 商品和服务支出5万元。',
    facts: [{ raw: '5万元', metric: 'expenditure.by_economic', item: '商品和服务支出', code: '302', role: 'value', value: 50000 }],
  },
  {
    name: 'a change broken over lines keeps its words',
    doc: '部门预算',
    year: 2025,
    text: '2025 年 政 府 采 购 预 算 6429768.84 元 , 同 比 增 加\n2433505.07 元,增长 60.89%。',
    facts: [
      { raw: '6429768.84 元', metric: 'procurement.total', role: 'value', value: 6429768.84 },
      { raw: '2433505.07 元', metric: 'procurement.total', role: 'yoy_change', value: 2433505.07 },
    ],
  },
  {
    name: 'income named under procurement is the funding of the procurement, not income',
    doc: '部门预算',
    year: 2025,
    text: '（二）政府采购预算安排情况说明\n2025年政府采购预算80万元。按政府采购资金类型划分，一般公共预算拨款50万元，财政专户管理的资金30万元。',
    facts: [{ raw: '80万元', metric: 'procurement.total', role: 'value', value: 800000 }],
    not: [
      { raw: '50万元', metric: 'income.general_budget' },
      { raw: '50万元', metric: 'procurement.total' },
    ],
  },
]);

const flat = (rows: readonly string[][], sep: boolean): string => rows.map((r) => (sep ? '|\n' : '') + r.map((c) => `${c} |`).join('\n')).join('\n');

block('a small “三公” table flattened one cell a line', [
  {
    name: 'rows separated by a lone bar, budget and final columns of a final account',
    year: 2021,
    text: `一、2021年度一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n${flat(
      [
        ['项 目', '预 算 数', '决 算 数'],
        ['合 计', '246', '167.37'],
        ['因公出国(境)费', '0', '0'],
        ['公务接待费', '1', '2.14'],
        ['公务用车购置及运行维护费', '245', '165.23'],
        ['其中:公务用车运行维护费', '165', '87.07'],
        ['公务用车购置费', '80', '78.16'],
      ],
      true,
    )}\n二、情况说明\n“三公”经费支出决算为167.37万元。`,
    facts: [
      { raw: '246', metric: 'three_public.total', role: 'budget', value: 2460000 },
      { raw: '167.37', metric: 'three_public.total', role: 'value', value: 1673700 },
      { raw: '87.07', metric: 'three_public.vehicle_operation', role: 'value', value: 870700 },
      { raw: '80', metric: 'three_public.vehicle_purchase', role: 'budget', value: 800000 },
      { raw: '167.37万元', metric: 'three_public.total', role: 'value', value: 1673700 },
    ],
  },
  {
    name: 'no separators, empty cells, columns named by year in a budget',
    doc: '部门预算',
    year: 2017,
    text: `附表：2017年“三公”经费财政拨款预算表\n单位:万元 |\n${flat(
      [
        ['项 目', '2016年预算数', '2017年预算数'],
        ['合计', '38.5', '37'],
        ['1、因公出国(境)费', '', ''],
        ['2、公务接待费', '21', '20'],
        ['3、公务用车购置及运行费', '17.5', '17'],
        ['其中:(1)公务用车购置费', '', ''],
        ['(2)公务用车运行费', '17.5', '17'],
      ],
      false,
    )}`,
    facts: [
      { raw: '38.5', metric: 'three_public.total', role: 'prior_year', value: 385000 },
      { raw: '37', metric: 'three_public.total', role: 'value', value: 370000 },
      { raw: '20', metric: 'three_public.reception', role: 'value', value: 200000 },
      { raw: '17.5', metric: 'three_public.vehicles', role: 'prior_year', value: 175000 },
    ],
    not: [{ metric: 'three_public.overseas' }, { metric: 'three_public.vehicle_purchase' }],
  },
  {
    name: 'a flattened table without a unit, or about something else, gives no facts',
    year: 2021,
    text: `“三公”经费支出决算表\n${flat(
      [
        ['项 目', '预算数', '决算数'],
        ['合计', '246', '167.37'],
        ['公务接待费', '1', '2.14'],
        ['公务用车购置费', '80', '78.16'],
        ['因公出国(境)费', '0', '0'],
      ],
      true,
    )}\n收入支出决算表\n单位:万元\n${flat(
      [
        ['项 目', '预算数', '决算数'],
        ['合计', '500', '480'],
        ['基本支出', '300', '290'],
        ['项目支出', '200', '190'],
        ['其他支出', '0', '0'],
      ],
      true,
    )}`,
    facts: [],
    not: [{ raw: '246' }, { raw: '2.14' }, { raw: '500' }, { raw: '290' }],
  },
]);

block('headline totals and the subjects of three-public spending', [
  {
    name: 'official vehicles held at the year’s end (保有) are the vehicles held',
    text: '本年度使用公共预算财政拨款购置公务用车7辆，年末公共预算财政拨款开支运行维护费的公务用车保有7辆。',
    facts: [{ raw: '7辆', metric: 'three_public.vehicles_held', role: 'value', value: 7 }],
  },
  {
    name: 'an economic line listed among the vehicles’ spending is a part with no metric, not an economic breakdown',
    doc: '部门预算',
    year: 2016,
    text: '公务用车购置及运行维护费11167万元（其中，公务用车购置费255万元，公务用车运行维护费7922万元，其他交通工具购置144万元，其他交通费用2846万元）。',
    facts: [
      { raw: '255万元', metric: 'three_public.vehicle_purchase', role: 'value', value: 2550000 },
      { raw: '144万元', metric: 'unmapped', item: '其他交通工具购置', role: 'value', value: 1440000 },
    ],
    not: [{ metric: 'expenditure.by_economic' }, { metric: 'three_public.by_economic' }],
  },
  {
    name: 'the vehicles’ purchase and running named 公车 are the vehicles, not their running alone',
    year: 2016,
    text: '公车购置及运行费995万元（其中公务用车购置费38万元，公务用车运行费958万元），比上年决算数下降26.24%。',
    facts: [
      { raw: '995万元', metric: 'three_public.vehicles', role: 'value', value: 9950000 },
      { raw: '38万元', metric: 'three_public.vehicle_purchase', role: 'value', value: 380000 },
      { raw: '26.24%', metric: 'three_public.vehicles', role: 'yoy_rate', value: -26.24 },
    ],
    not: [{ raw: '995万元', metric: 'three_public.vehicle_operation' }],
  },
  {
    name: 'the lines of a list opened after a budget figure are budgets too, and 公务用车购置 in it is the purchase',
    year: 2021,
    text: '2021年我镇“三公”经费预算为20万元，其中：因公出国（境）费0万元，公务接待费9万元，公务用车购置0万元。2021年“三公”经费支出18万元，其中：公务接待费8万元。',
    facts: [
      { raw: '9万元', metric: 'three_public.reception', role: 'budget', value: 90000 },
      { raw: '0万元', metric: 'three_public.vehicle_purchase', role: 'budget', value: 0 },
      { raw: '18万元', metric: 'three_public.total', role: 'value', value: 180000 },
      { raw: '8万元', metric: 'three_public.reception', role: 'value', value: 80000 },
    ],
    not: [{ metric: 'three_public.by_economic' }, { metric: 'expenditure.by_economic' }],
  },
  {
    name: 'a rate whose % sign the text dropped, right after a word of rate, is a rate',
    doc: '部门预算',
    year: 2019,
    text: '2019年“三公”经费预算总额1,938万元，同比增长20.07%；其中：因公出国（境）费43万元，同比下降18.87；公务接待费393万元，同比下降9.24%。',
    facts: [
      { raw: '18.87', metric: 'three_public.overseas', role: 'yoy_rate', value: -18.87 },
      { raw: '9.24%', metric: 'three_public.reception', role: 'yoy_rate', value: -9.24 },
    ],
    not: [{ raw: '18.87', role: 'yoy_change' }],
  },
  {
    name: 'the rate of a change in brackets right after it is the change’s rate, with its sign',
    doc: '部门预算',
    year: 2019,
    text: '2019年“三公”经费预算支出9.80万元，较上年减少18.50万元（65.37%），其中公务接待费比年初预算增加2万元（10%）。',
    facts: [{ raw: '65.37%', metric: 'three_public.total', role: 'yoy_rate', value: -65.37 }],
    not: [{ raw: '65.37%', metric: 'unmapped' }],
  },
  {
    name: 'a thousands separator followed by a space is still one number',
    text: '公务用车购置及运行维护费1,646.4万元（公务用车购置费109.0万元、公务用车运行维护费1, 537.4万元）。',
    facts: [{ raw: '1, 537.4万元', metric: 'three_public.vehicle_operation', role: 'value', value: 15374000 }],
    not: [{ raw: '537.4万元' }],
  },
  {
    name: 'a template’s bracketed alternative change word does not close a list',
    doc: '部门预算',
    year: 2017,
    text: '安排公务用车购置及运行费17万元，其中：购置费0万元，比上年增加（减少）0万元，增长（下降）0%、运行费17万元，比上年减少0.5万元。',
    facts: [
      { raw: '0%', metric: 'three_public.vehicle_purchase', role: 'yoy_rate', value: 0 },
      { raw: '0.5万元', metric: 'three_public.vehicle_operation', role: 'yoy_change', value: -5000 },
    ],
    not: [
      { metric: 'three_public.vehicles', role: 'yoy_change' },
      { metric: 'three_public.vehicles', role: 'yoy_rate' },
    ],
  },
  {
    name: 'an average per vehicle is no spending on vehicles',
    text: '公务车保有量3辆，全年运行维护费支出5.28万元，平均每辆1.76万元。',
    facts: [{ raw: '5.28万元', metric: 'three_public.vehicle_operation', role: 'value', value: 52800 }],
    not: [{ raw: '1.76万元', metric: 'three_public.vehicle_operation' }],
  },
  {
    name: 'receptions counted in batches and persons after the reception’s spending in a list',
    text: '“三公”经费支出8.62万元。其中：因公出国（境）费0万元；公务接待费2.35万元，共接待31批次、248人次；公务用车购置及运行维护费6.27万元。',
    facts: [
      { raw: '31批次', metric: 'three_public.reception_batches', role: 'value', value: 31 },
      { raw: '248人次', metric: 'three_public.reception_persons', role: 'value', value: 248 },
    ],
  },
  {
    name: 'foreign guests received are a part the vocabulary has no metric for',
    text: '国内公务接待共15批次（其中外事接待3批次），105人次（其中外事接待20人次）。',
    facts: [
      { raw: '15批次', metric: 'three_public.reception_batches', role: 'value', value: 15 },
      { raw: '105人次', metric: 'three_public.reception_persons', role: 'value', value: 105 },
    ],
    not: [
      { raw: '3批次', metric: 'three_public.reception_batches' },
      { raw: '20人次', metric: 'three_public.reception_persons' },
    ],
  },
  {
    name: 'the subject before the funding it is paid from',
    text: '2015年我局“三公”经费公共预算财政拨款支出74.6万元，其中公务用车及运行维护费用61.8万元，公务接待费12.8万元。',
    year: 2015,
    facts: [
      { raw: '74.6万元', metric: 'three_public.total', role: 'value', value: 746000 },
      { raw: '61.8万元', metric: 'three_public.vehicles', role: 'value', value: 618000 },
      { raw: '12.8万元', metric: 'three_public.reception', role: 'value', value: 128000 },
    ],
    not: [{ metric: 'general_budget_expenditure.total' }],
  },
  {
    name: 'bare 支出 after a reception count is the reception’s spending',
    text: '2023年公务接待24批次,210人次,支出2.05万元。',
    facts: [
      { raw: '24批次', metric: 'three_public.reception_batches', role: 'value', value: 24 },
      { raw: '210人次', metric: 'three_public.reception_persons', role: 'value', value: 210 },
      { raw: '2.05万元', metric: 'three_public.reception', role: 'value', value: 20500 },
    ],
    not: [{ metric: 'expenditure.total' }],
  },
  {
    name: 'bare 支出 opening a sentence is the expenditure total',
    text: '收入总计100万元。支出90万元。',
    facts: [{ raw: '90万元', metric: 'expenditure.total', role: 'value', value: 900000 }],
  },
  {
    name: 'listed totals with 各 take their places in turn',
    text: '收、支总计各是4125.49,4143.91万元。与2022年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。',
    facts: [
      { raw: '4125.49', metric: 'income.total', role: 'value', value: 41254900 },
      { raw: '4143.91万元', metric: 'expenditure.total', role: 'value', value: 41439100 },
      { raw: '1267.86', metric: 'income.total', role: 'yoy_change', value: -12678600 },
      { raw: '2570.97万元', metric: 'expenditure.total', role: 'yoy_change', value: -25709700 },
      { raw: '23.51%', metric: 'income.total', role: 'yoy_rate', value: -23.51 },
      { raw: '38.28%', metric: 'expenditure.total', role: 'yoy_rate', value: -38.28 },
    ],
    not: [
      { raw: '1267.86', metric: 'expenditure.total' },
      { raw: '38.28%', metric: 'income.total' },
    ],
  },
  {
    name: 'a paragraph opened by a path goes on with it past its first sentence',
    doc: '部门预算',
    year: 2024,
    text: '12. “社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”24.31万元，主要用于行政单位离退休。\n2023年当年预算执行数为20.30万元，2024年预算安排24.31万元，比2023年预算执行数增加19.75%。',
    facts: [
      { raw: '20.30万元', item: '行政单位离退休', role: 'prior_year', value: 203000 },
      { raw: '19.75%', item: '行政单位离退休', role: 'yoy_rate', value: 19.75 },
    ],
  },
]);

/** Kinds 6 and 7: the document's organisation and type, through the whole pipeline. */
const documentCases: Array<{ name: string; text: string; org: string | null; docType: string | null }> = [
  {
    name: '6. the organisation of a lead sentence, without 现将',
    text: '现将平安县农业农村局2021年度部门决算公开如下：\n收入总计100万元。',
    org: '平安县农业农村局',
    docType: '部门决算',
  },
  { name: '6. a province prefix stays as written', text: '江苏省人大常委会办公厅2018年部门预算\n一、收支预算总表情况说明', org: '江苏省人大常委会办公厅', docType: '部门预算' },
  { name: '6. null rather than a fragment', text: '2021年度部门决算\n一、收入支出决算总体情况说明\n收入总计100万元。', org: null, docType: '部门决算' },
  { name: '6. a title that opens with its year', text: '2021年西岭镇人民政府部门决算\n收入总计100万元。', org: '西岭镇人民政府', docType: '部门决算' },
  {
    name: '7. a budget whose text speaks of last year’s final figures is a budget',
    text: '平安县财政局2025年部门预算\n2024年决算数为80万元，决算数比上年增加。决算 决算 决算',
    org: '平安县财政局',
    docType: '部门预算',
  },
  { name: '7. a unit budget', text: '平安县第一中学2024年单位预算\n一、单位主要职能', org: '平安县第一中学', docType: '单位预算' },
  {
    name: '7. a final account whose title names the budget fund it reports',
    text: '平安县民政局2022年度一般公共预算财政拨款“三公”经费支出决算情况说明\n“三公”经费支出2万元。',
    org: '平安县民政局',
    docType: '部门决算',
  },
];

describe('6, 7. the organisation and type of the document', () => {
  for (const c of documentCases) {
    it(c.name, () => {
      const { document } = extractText(c.text, { docId: 'case.txt' });
      expect({ org: document.org, docType: document.doc_type }).toEqual({ org: c.org, docType: c.docType });
    });
  }
});
