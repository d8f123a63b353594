/**
 * The names of local government departments as offices write them: each department's
 * full name (as the 2018–2019 机构改革 named it), its 规范简称 and the short forms in common
 * use (`区发改委` for `XX区发展和改革委员会`), and the names it may be known by without
 * being certainly the same department (a former name, or a department since merged). The
 * unit-name matching treats a short form as the full name; a `maybe` name only makes the
 * department a candidate the reviewer is asked about, never a match.
 *
 * A short form belongs to one department only: where offices use one short form for two
 * departments (`文旅局` for 文化和旅游局 and for 文化广电和旅游局 in places), it is listed
 * under the one it usually means, and a list holding the other is asked about.
 */
export interface DepartmentNames {
  readonly full: string;
  /** Other ways of writing the same department. */
  readonly short: readonly string[];
  /** Names of departments it may be but need not be: offered to the reviewer, never matched. */
  readonly maybe?: readonly string[];
}

export const DEPARTMENT_NAMES: readonly DepartmentNames[] = [
  { full: '发展和改革委员会', short: ['发展改革委员会', '发展改革委', '发改委'] },
  { full: '发展和改革局', short: ['发展改革局', '发改局'] },
  { full: '人力资源和社会保障局', short: ['人力资源社会保障局', '人力社保局', '人社局'] },
  { full: '住房和城乡建设局', short: ['住房城乡建设局', '住建局'] },
  { full: '住房和城乡建设委员会', short: ['住房城乡建设委员会', '住房城乡建设委', '住建委'] },
  { full: '市场监督管理局', short: ['市场监管局', '市监局'], maybe: ['工商行政管理局', '工商局'] },
  { full: '自然资源和规划局', short: ['自然资源规划局', '自规局', '资规局'], maybe: ['自然资源局', '国土资源局', '国土局'] },
  { full: '自然资源局', short: [], maybe: ['国土资源局', '国土局'] },
  { full: '卫生健康委员会', short: ['卫生健康委', '卫健委'], maybe: ['卫生和计划生育委员会', '卫生计生委', '卫计委'] },
  { full: '卫生健康局', short: ['卫健局'], maybe: ['卫生和计划生育局', '卫生计生局', '卫计局'] },
  { full: '教育体育局', short: ['教育和体育局', '教体局'] },
  { full: '农业农村局', short: [], maybe: ['农业局'] },
  { full: '生态环境局', short: [], maybe: ['环境保护局', '环保局'] },
  { full: '应急管理局', short: ['应急局'], maybe: ['安全生产监督管理局', '安监局'] },
  { full: '退役军人事务局', short: ['退役军人局'] },
  { full: '医疗保障局', short: ['医保局'] },
  { full: '交通运输局', short: ['交通局'] },
  { full: '文化和旅游局', short: ['文化旅游局', '文旅局'] },
  { full: '文化广电和旅游局', short: ['文化广电旅游局', '文广旅局', '文广旅游局'] },
  { full: '科学技术局', short: ['科技局'] },
  { full: '工业和信息化局', short: ['工业信息化局', '工信局'] },
  { full: '民族宗教事务局', short: ['民族宗教局', '民宗局'] },
  { full: '机关事务管理局', short: ['机关事务局'] },
  { full: '国有资产监督管理委员会', short: ['国有资产监管委', '国资委'] },
  { full: '城市管理局', short: ['城管局'] },
  { full: '综合行政执法局', short: ['综合执法局'] },
  { full: '行政审批服务局', short: ['行政审批局', '审批局'] },
  { full: '政务服务管理局', short: ['政务服务局'] },
  { full: '粮食和物资储备局', short: ['粮食物资储备局', '粮储局'] },
  { full: '地方金融监督管理局', short: ['地方金融监管局', '金融监管局'] },
  { full: '大数据管理局', short: ['大数据局'] },
  { full: '住房公积金管理中心', short: ['公积金管理中心', '公积金中心'] },
  { full: '人民防空办公室', short: ['人防办'] },
  { full: '外事办公室', short: ['外办'] },
  { full: '残疾人联合会', short: ['残联'] },
  { full: '供销合作社联合社', short: ['供销合作社', '供销社'] },
];
