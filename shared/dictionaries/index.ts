/**
 * Built-in dictionaries with stable codes. Codes never change once shipped: exports from several
 * townships are merged at the county by code. Offices may add local entries (codes start with 'L').
 */
export interface DictEntry {
  code: string;
  label: string;
}

/** 纠纷类型: the list used in justice-bureau mediation statistics (CONTRIBUTING.md, DOMAIN §1.6). */
export const DISPUTE_CATEGORIES: readonly DictEntry[] = [
  { code: '01', label: '婚姻家庭纠纷' },
  { code: '02', label: '邻里纠纷' },
  { code: '03', label: '房屋宅基地纠纷' },
  { code: '04', label: '合同纠纷' },
  { code: '05', label: '生产经营纠纷' },
  { code: '06', label: '损害赔偿纠纷' },
  { code: '07', label: '山林土地纠纷' },
  { code: '08', label: '征地拆迁纠纷' },
  { code: '09', label: '环境污染纠纷' },
  { code: '10', label: '劳动争议纠纷' },
  { code: '11', label: '消费纠纷' },
  { code: '12', label: '医疗纠纷' },
  { code: '13', label: '道路交通事故纠纷' },
  { code: '14', label: '物业纠纷' },
  { code: '15', label: '旅游纠纷' },
  { code: '16', label: '知识产权纠纷' },
  { code: '17', label: '互联网纠纷' },
  { code: '99', label: '其他纠纷' },
];

/** 纠纷来源 on the intake register. */
export const DISPUTE_SOURCES: readonly DictEntry[] = [
  { code: 'visit', label: '群众来访' },
  { code: 'call', label: '来电' },
  { code: 'grid', label: '网格员上报' },
  { code: 'hotline12345', label: '12345热线' },
  { code: 'petition', label: '信访转办' },
  { code: 'screening', label: '排查发现' },
  { code: 'police110', label: '110联动' },
  { code: 'court', label: '法院委派/委托' },
  { code: 'other', label: '其他' },
];

export const DICT_KINDS = { dispute_category: DISPUTE_CATEGORIES, dispute_source: DISPUTE_SOURCES } as const;
export type DictKind = keyof typeof DICT_KINDS;
export const DICT_KIND_LABELS: Record<DictKind, string> = { dispute_category: '纠纷类型', dispute_source: '纠纷来源' };

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
};

/** 风险等级, the three-colour grade used by county offices (red is reported at once). */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { high: '红色（高）', medium: '橙色（中）', low: '黄色（低）' };
export const RISK_LEVEL_COLORS: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'yellow' };

export const SEX_LABELS = { M: '男', F: '女' } as const;

/** How a party rated the work (回访, a 12345 or 信访 work order's 回访评价). */
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** 民族: the 56 recognised ethnic groups, most common first for this product's users. */
export const ETHNICITIES: readonly string[] = [
  '汉族',
  '回族',
  '满族',
  '蒙古族',
  '壮族',
  '维吾尔族',
  '藏族',
  '苗族',
  '彝族',
  '土家族',
  '布依族',
  '侗族',
  '瑶族',
  '朝鲜族',
  '白族',
  '哈尼族',
  '哈萨克族',
  '黎族',
  '傣族',
  '畲族',
  '傈僳族',
  '仡佬族',
  '东乡族',
  '高山族',
  '拉祜族',
  '水族',
  '佤族',
  '纳西族',
  '羌族',
  '土族',
  '仫佬族',
  '锡伯族',
  '柯尔克孜族',
  '达斡尔族',
  '景颇族',
  '毛南族',
  '撒拉族',
  '布朗族',
  '塔吉克族',
  '阿昌族',
  '普米族',
  '鄂温克族',
  '怒族',
  '京族',
  '基诺族',
  '德昂族',
  '保安族',
  '俄罗斯族',
  '裕固族',
  '乌孜别克族',
  '门巴族',
  '鄂伦春族',
  '独龙族',
  '塔塔尔族',
  '赫哲族',
  '珞巴族',
];
