import type { BlockTableDef, CrossTableDef, ReportFormat } from './types.ts';

/**
 * 《中华人民共和国政府信息公开工作年度报告格式》, issued with 国办公开办函〔2021〕30号,
 * for reports on 2021 and later years. Labels are verbatim (full-width punctuation).
 */

const RESULT = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

const APPLICANTS = '申请人情况';
const ORGANISATIONS = '法人或其他组织';

const REVIEW = '行政复议';
const LITIGATION = '行政诉讼';
const DIRECT = '未经复议直接起诉';
const AFTER_REVIEW = '复议后起诉';
const FEE_HEADER = '本年收费金额（单位：万元）';
const OUTCOMES = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

const resultRows = [
  { key: 'granted', path: [RESULT, '（一）予以公开'] },
  { key: 'partiallyGranted', path: [RESULT, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'] },
  { key: 'denied.stateSecret', path: [RESULT, DENIED, '1.属于国家秘密'] },
  { key: 'denied.lawProhibited', path: [RESULT, DENIED, '2.其他法律行政法规禁止公开'] },
  { key: 'denied.safetyStability', path: [RESULT, DENIED, '3.危及“三安全一稳定”'] },
  { key: 'denied.thirdPartyRights', path: [RESULT, DENIED, '4.保护第三方合法权益'] },
  { key: 'denied.internalAffairs', path: [RESULT, DENIED, '5.属于三类内部事务信息'] },
  { key: 'denied.processInfo', path: [RESULT, DENIED, '6.属于四类过程性信息'] },
  { key: 'denied.enforcementFiles', path: [RESULT, DENIED, '7.属于行政执法案卷'] },
  { key: 'denied.inquiryMatters', path: [RESULT, DENIED, '8.属于行政查询事项'] },
  { key: 'unable.notHeld', path: [RESULT, UNABLE, '1.本机关不掌握相关政府信息'] },
  { key: 'unable.needsCreation', path: [RESULT, UNABLE, '2.没有现成信息需要另行制作'] },
  { key: 'unable.unclear', path: [RESULT, UNABLE, '3.补正后申请内容仍不明确'] },
  { key: 'notProcessed.petition', path: [RESULT, NOT_PROCESSED, '1.信访举报投诉类申请'] },
  { key: 'notProcessed.duplicate', path: [RESULT, NOT_PROCESSED, '2.重复申请'] },
  { key: 'notProcessed.publication', path: [RESULT, NOT_PROCESSED, '3.要求提供公开出版物'] },
  { key: 'notProcessed.massRepeated', path: [RESULT, NOT_PROCESSED, '4.无正当理由大量反复申请'] },
  { key: 'notProcessed.confirmation', path: [RESULT, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'] },
  {
    key: 'other.overdueCorrection',
    path: [RESULT, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  },
  {
    key: 'other.unpaidFees',
    path: [RESULT, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  },
  { key: 'other.other', path: [RESULT, OTHER, '3.其他'] },
] as const;

/** The 2021 format's tables, by name, for code and tests written against this format. */
export type Format2021Tables = { readonly table2: BlockTableDef; readonly table3: CrossTableDef; readonly table4: CrossTableDef };
export type Format2021TableId = keyof Format2021Tables;

export const format2021: ReportFormat<Format2021Tables> = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  basis: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  titleSuffix: '政府信息公开工作年度报告',
  titleSuffixForms: ['政府信息公开工作年度报告', '政府信息公开年度报告', '政府信息公开工作报告', '政府信息公开报告'],
  sections: [
    {
      key: 'overview',
      heading: '一、总体情况',
      numeral: '一、',
      role: 'overview',
      variants: [],
      guidance:
        '概述本年度贯彻落实《条例》的总体情况，主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等五个方面。各级人民政府还应在监督保障中报告工作考核、社会评议和责任追究结果情况。',
      starters: [
        '（一）主动公开情况\n本年度，我单位严格按照《中华人民共和国政府信息公开条例》要求，主动公开政府信息【】条，其中……',
        '（二）依申请公开情况\n本年度，我单位共收到政府信息公开申请【】件，均在法定期限内答复……',
        '（三）政府信息管理情况\n严格落实公开前保密审查制度，……',
        '（四）政府信息公开平台建设情况\n依托政府门户网站政府信息公开专栏，……',
        '（五）监督保障情况\n调整充实政府信息公开工作领导小组，……',
      ],
    },
    {
      key: 'proactive',
      heading: '二、主动公开政府信息情况',
      numeral: '二、',
      variants: [],
      guidance: '填写下表（《条例》第二十条所列主动公开事项）。表格内每一格都应填写，没有的填0。',
      table: 'table2',
      starters: [],
    },
    {
      key: 'requests',
      heading: '三、收到和处理政府信息公开申请情况',
      numeral: '三、',
      variants: [],
      guidance:
        '填写下表。每列都应满足：第一项加第二项之和，等于第三项（七）总计加第四项之和。部分公开的申请只计入“部分公开”。总计由软件自动计算。',
      table: 'table3',
      starters: [],
    },
    {
      key: 'reviewLitigation',
      heading: '四、政府信息公开行政复议、行政诉讼情况',
      numeral: '四、',
      variants: ['四、政府信息公开行政复议和行政诉讼情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'],
      guidance: '填写下表：因政府信息公开工作引起的行政复议、行政诉讼案件数。总计由软件自动计算。',
      table: 'table4',
      starters: [],
    },
    {
      key: 'problems',
      heading: '五、存在的主要问题及改进情况',
      numeral: '五、',
      role: 'problems',
      variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在问题及改进情况', '五、存在的主要问题和改进情况'],
      guidance:
        '说明上一年度报告所列问题的整改情况，本年度政府信息公开工作存在的主要问题，以及改进措施和下一步工作安排。',
      starters: [
        '本年度我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是【】；二是【】。',
        '下一步，我单位将重点做好以下工作：一是【】；二是【】。',
      ],
    },
    {
      key: 'other',
      heading: '六、其他需要报告的事项',
      numeral: '六、',
      variants: ['六、其他需要报告的事项。'],
      guidance:
        '报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发出收费通知的件数、总金额、实际收取的总金额，上方专项填写），以及人大代表建议和政协提案办理结果公开情况、年度政务公开工作要点落实情况等其他需要报告的事项。',
      starters: ['本年度，我单位人大代表建议和政协提案办理结果公开情况：【】。'],
      role: 'infoFee',
    },
  ],
  tables: {
    table2: {
      id: 'table2',
      title: '二、主动公开政府信息情况',
      shortName: '表二',
      subject: '主动公开',
      keyPrefix: 't2',
      columnCount: 4,
      blocks: [
        {
          caption: '第二十条第（一）项',
          labelHeader: '信息内容',
          columns: [
            { key: 'issued', label: '本年制发件数' },
            { key: 'repealed', label: '本年废止件数' },
            { key: 'inForce', label: '现行有效件数' },
          ],
          rows: [
            { key: 'regulations', label: '规章', kind: 'count' },
            { key: 'normativeDocuments', label: '行政规范性文件', kind: 'count' },
          ],
        },
        {
          caption: '第二十条第（五）项',
          labelHeader: '信息内容',
          columns: [{ key: '', label: '本年处理决定数量' }],
          rows: [{ key: 'licensing', label: '行政许可', kind: 'count' }],
        },
        {
          caption: '第二十条第（六）项',
          labelHeader: '信息内容',
          columns: [{ key: '', label: '本年处理决定数量' }],
          rows: [
            { key: 'punishment', label: '行政处罚', kind: 'count' },
            { key: 'coercion', label: '行政强制', kind: 'count' },
          ],
        },
        {
          caption: '第二十条第（八）项',
          labelHeader: '信息内容',
          // Printed with the wording the agency chose (feeColumn).
          columns: [{ key: '', label: FEE_HEADER }],
          rows: [{ key: 'fees', label: '行政事业性收费', kind: 'money' }],
        },
      ],
    },
    table3: {
      id: 'table3',
      title: '三、收到和处理政府信息公开申请情况',
      shortName: '表三',
      subject: '依申请公开',
      keyPrefix: 't3',
      rulePrefix: 'T3',
      corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      balance: {
        left: ['newReceived', 'carriedOver'],
        right: ['resultTotal', 'carriedForward'],
        rule: '第一项加第二项之和等于第三项加第四项之和',
      },
      labelColumns: 3,
      headerRows: 3,
      columns: [
        { key: 'naturalPerson', path: [APPLICANTS, '自然人'] },
        { key: 'commercial', path: [APPLICANTS, ORGANISATIONS, '商业企业'] },
        { key: 'research', path: [APPLICANTS, ORGANISATIONS, '科研机构'] },
        { key: 'publicInterest', path: [APPLICANTS, ORGANISATIONS, '社会公益组织'] },
        { key: 'legalService', path: [APPLICANTS, ORGANISATIONS, '法律服务机构'] },
        { key: 'otherOrg', path: [APPLICANTS, ORGANISATIONS, '其他'] },
        { key: 'total', path: [APPLICANTS, '总计'], isTotal: true },
      ],
      rows: [
        { key: 'newReceived', path: ['一、本年新收政府信息公开申请数量'] },
        { key: 'carriedOver', path: ['二、上年结转政府信息公开申请数量'] },
        ...resultRows,
        { key: 'resultTotal', path: [RESULT, '（七）总计'], sumOfRows: resultRows.map((r) => r.key), partsName: '办理结果' },
        { key: 'carriedForward', path: ['四、结转下年度继续办理'] },
      ],
    },
    table4: {
      id: 'table4',
      title: '四、政府信息公开行政复议、行政诉讼情况',
      shortName: '表四',
      subject: '复议诉讼',
      keyPrefix: 't4',
      rulePrefix: 'T4',
      labelColumns: 0,
      headerRows: 3,
      columns: [
        ...OUTCOMES.map(([k, label]) => ({ key: `review.${k}`, path: [REVIEW, label], isTotal: k === 'total' })),
        ...OUTCOMES.map(([k, label]) => ({
          key: `litigationDirect.${k}`,
          path: [LITIGATION, DIRECT, label],
          isTotal: k === 'total',
        })),
        ...OUTCOMES.map(([k, label]) => ({
          key: `litigationAfterReview.${k}`,
          path: [LITIGATION, AFTER_REVIEW, label],
          isTotal: k === 'total',
        })),
      ],
      // One row of figures without a label of its own.
      rows: [{ key: 'cases', path: [] }],
    },
  },
  feeColumn: {
    cell: 't2.fees',
    header: { official: FEE_HEADER, fourDecimals: '本年收费金额（单位：万元，保留4位小数）' },
    decimalsMark: '4位小数',
    decimals: 4,
  },
  infoFee: {
    name: '信息处理费',
    figures: [
      { field: 'noticesIssued', label: '发出收费通知的件数', words: '发出收费通知', what: '发出收费通知', unit: '件' },
      { field: 'noticeAmountYuan', label: '收费通知总金额（元）', words: '总金额', what: '收费通知总金额', unit: '元' },
      { field: 'collectedYuan', label: '实际收取的总金额（元）', words: '实际收取信息处理费', what: '实际收取的信息处理费', unit: '元' },
    ],
    sentence: {
      lead: '本年度依据《政府信息公开信息处理费管理办法》',
      none: '本年度未发出信息处理费收费通知，未收取信息处理费。',
    },
  },
  columnWidthsMm: {
    table2: [48, 36, 36, 36],
    table3: [10, 18, 44, 12, 12, 12, 12, 12, 12, 12],
    table4: Array.from({ length: 15 }, () => 10.4),
  },
  relations: {
    carryOver: { table: 'table3', fromRow: 'carriedForward', toRow: 'carriedOver', words: { from: '结转下年度继续办理', to: '上年结转' } },
    documentStock: {
      table: 'table2',
      rows: ['regulations', 'normativeDocuments'],
      columns: { issued: 'issued', repealed: 'repealed', inForce: 'inForce' },
      words: { issued: '本年制发', repealed: '本年废止', inForce: '现行有效' },
    },
    applicationsReceived: { keys: ['t3.newReceived.total'], name: '本年新收政府信息公开申请总计', keyword: '收到政府信息公开申请' },
    unpaidFeeApplications: { keys: ['t3.other.unpaidFees.total'], name: '申请因申请人逾期未缴纳费用而不再处理' },
    feesCharged: { keys: ['t2.fees'], name: '行政事业性收费金额' },
    cases: [
      { keys: ['t4.review.total'], name: REVIEW, keyword: '复议' },
      { keys: ['t4.litigationDirect.total', 't4.litigationAfterReview.total'], name: LITIGATION, keyword: '诉讼' },
    ],
    documentsIssued: { keys: ['t2.regulations.issued', 't2.normativeDocuments.issued'], name: '本年制发的规章和行政规范性文件' },
  },
};
