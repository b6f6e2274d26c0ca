/**
 * The fixed id lists shared by the file format, the guides and the UI. Kept apart from the guide schema
 * so that the first screen, which only needs the ids, does not load the schema.
 */
/** The five canonical stages of seed 000 (Dongguan food & beverage guide, 三、数字化转型实现路径). */
export const CANONICAL_STAGES = [
  'technical-retrofit', // 技术改造
  'full-sensing', // 全面感知
  'application-completion', // 补全应用
  'data-insight', // 数据洞察
  'collaborative-development', // 协同发展
] as const;

export const INDUSTRIES = [
  'food-beverage',
  'pharma',
  'agri-food',
  'electrical',
  'auto',
  'building-materials',
  'other',
] as const;

export const SIZES = ['micro-small', 'above-scale', 'provincial-specialized', 'little-giant'] as const;

export const VALUE_TAGS = [
  'cost-efficiency', // 降本增效
  'quality-traceability', // 质量追溯
  'fine-operations', // 精细运营
  'chain-collaboration', // 全链协同
  'green-low-carbon', // 绿色低碳
  'safety-compliance', // 安全合规
  'innovation', // 研发创新
  'customer-service', // 客户服务
] as const;

export const SYSTEMS = [
  'ERP',
  'MES',
  'APS',
  'WMS',
  'QMS',
  'PLM',
  'PDM',
  'SRM',
  'CRM',
  'SCM',
  'TMS',
  'EMS',
  'EAM',
  'SCADA',
  'DCS',
  'PLC',
  'LIMS',
  'BI',
  'OA',
  'HRM',
  'CAD',
  'CAE',
  'CAPP',
  'CAM',
  'IoT',
  '5G',
  'AI',
  'digital-twin',
  'cloud-saas',
  'industrial-internet-platform',
  'big-data',
  'blockchain',
  'security',
  'AGV',
  'machine-vision',
] as const;

/** The top-level key of an assessment file under which DigiLevel keeps what the spec does not define. */
export const EXTENSION_KEY = 'digilevel';
export const MAX_NOTE_CHARS = 5000;
export const MAX_EVIDENCE_ITEMS = 50;
export const STEP_STATUSES = ['open', 'done', 'not-relevant'] as const;
