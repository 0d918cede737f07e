/**
 * The columns of the work-order register (RULES.md#work-order-register, 售后服务工单登记表): what each field is
 * called in Chinese and English, what kind of value it holds, and the header variants people
 * use for it in exports from other systems (维修人员/工程师/服务工程师 for 服务人员 …).
 */
import { text, type Text } from "../i18n/text";

export type OrderField =
  | "orderId"
  | "customer"
  | "technician"
  | "product"
  | "category"
  | "reportedAt"
  | "dispatchedAt"
  | "repliedAt"
  | "contactMethod"
  | "arrivedAt"
  | "completedAt"
  | "distanceKm"
  | "mileageKm"
  | "supplierNeeded"
  | "warranty"
  | "firstTimeFix"
  | "quality"
  | "satisfaction"
  | "returnVisit"
  | "complaint"
  | "serviceCaused"
  | "complaintHandled"
  | "signatureObtained"
  | "partName"
  | "partQuantity"
  | "partReason"
  | "oldPartReturned";

/** How a cell of the field is read. */
export type FieldKind =
  "text" | "technician" | "category" | "dateTime" | "distance" | "yesNo" | "rating" | "contactMethod" | "quantity";

export interface FieldDef {
  readonly id: OrderField;
  /** The register's own header (RULES.md#work-order-register), in both languages. */
  readonly label: Text;
  readonly kind: FieldKind;
  /** Without it no row can be placed in a month (报修时间). */
  readonly required: boolean;
  /**
   * Other headers meaning exactly this field, Chinese and English. Matched after
   * {@link headerKey} normalisation, so case, width, spaces, punctuation and a unit in
   * brackets ("(km)", "（小时）") do not matter.
   */
  readonly aliases: readonly string[];
  /**
   * Words that, found inside a longer header, suggest this field ("客户投诉情况" → 客户投诉).
   * A match on a keyword is only a proposal: the pane asks the user to confirm it.
   */
  readonly keywords: readonly string[];
}

/** The fields in register order (RULES.md#work-order-register). */
export const ORDER_FIELDS: readonly FieldDef[] = [
  {
    id: "orderId",
    label: text("工单号", "Order ID"),
    kind: "text",
    required: false,
    aliases: [
      "工单号",
      "工单编号",
      "单号",
      "服务单号",
      "维修单号",
      "报修单号",
      "工单",
      "服务工单号",
      "order id",
      "order no",
      "order number",
      "work order",
      "work order no",
      "wo",
      "wo no",
      "ticket",
      "ticket id",
      "ticket no",
      "id",
    ],
    keywords: ["工单", "单号", "order", "ticket"],
  },
  {
    id: "customer",
    label: text("客户", "Customer"),
    kind: "text",
    required: false,
    aliases: [
      "客户",
      "客户名称",
      "用户",
      "用户名称",
      "客户单位",
      "车主",
      "单位名称",
      "客户姓名",
      "customer",
      "client",
      "customer name",
      "client name",
    ],
    keywords: ["客户名", "用户名", "customer", "client"],
  },
  {
    id: "technician",
    label: text("服务人员", "Technician"),
    kind: "technician",
    required: false,
    aliases: [
      "服务人员",
      "维修人员",
      "工程师",
      "服务工程师",
      "维修工程师",
      "维修工",
      "技师",
      "维修技师",
      "服务技师",
      "派工人员",
      "处理人",
      "维修员",
      "服务员",
      "维修人",
      "服务人",
      "负责工程师",
      "技术员",
      "technician",
      "engineer",
      "service engineer",
      "field engineer",
      "tech",
      "assignee",
      "assigned to",
      "service staff",
      "serviced by",
    ],
    keywords: ["工程师", "技师", "维修人", "服务人", "technician", "engineer"],
  },
  {
    id: "product",
    label: text("产品型号/车辆编号", "Product / vehicle"),
    kind: "text",
    required: false,
    aliases: [
      "产品型号/车辆编号",
      "产品型号",
      "车辆编号",
      "型号",
      "车型",
      "车号",
      "车牌号",
      "产品",
      "设备型号",
      "机型",
      "车辆",
      "product",
      "model",
      "vehicle",
      "vehicle no",
      "product/vehicle",
      "product model",
      "vehicle id",
    ],
    keywords: ["型号", "车辆", "车号", "product", "vehicle", "model"],
  },
  {
    id: "category",
    label: text("故障类别", "Fault category"),
    kind: "category",
    required: false,
    aliases: [
      "故障类别",
      "故障类型",
      "故障分类",
      "类别",
      "故障部位",
      "问题类别",
      "故障种类",
      "fault category",
      "category",
      "fault type",
      "fault",
    ],
    keywords: ["类别", "类型", "分类", "category", "type"],
  },
  {
    id: "reportedAt",
    label: text("报修时间", "Reported at"),
    kind: "dateTime",
    required: true,
    aliases: [
      "报修时间",
      "报修日期",
      "报修时刻",
      "受理时间",
      "来电时间",
      "报修",
      "报修日期时间",
      "reported at",
      "report time",
      "reported",
      "reported time",
      "created at",
      "request time",
      "date reported",
      "reported on",
    ],
    keywords: ["报修", "受理", "report", "created"],
  },
  {
    // 维修及时率 counts from here: "维修工单发出后 … 在规定时间内完成维修" (三、售后服务考核指标).
    id: "dispatchedAt",
    label: text("派工时间", "Dispatched at"),
    kind: "dateTime",
    required: false,
    aliases: [
      "派工时间",
      "派工日期",
      "派单时间",
      "派单日期",
      "派工",
      "派单",
      "工单发出时间",
      "发单时间",
      "指派时间",
      "分派时间",
      "dispatched at",
      "dispatch time",
      "dispatched",
      "dispatched on",
      "assigned at",
      "assignment time",
    ],
    keywords: ["派工时", "派单", "派工日", "发单", "dispatch"],
  },
  {
    id: "repliedAt",
    label: text("首次答复时间", "First reply at"),
    kind: "dateTime",
    required: false,
    aliases: [
      "首次答复时间",
      "答复时间",
      "首次回复时间",
      "回复时间",
      "首次响应时间",
      "首次联系时间",
      "答复",
      "first reply",
      "first reply at",
      "replied at",
      "reply time",
      "first response",
      "first response at",
      "first contact",
    ],
    keywords: ["答复", "回复", "reply", "response"],
  },
  {
    // 3.2.3: a 底盘发动机 fault needs contact 以文字形式 (in writing). Not "联系方式", which in
    // exports usually holds the customer's phone number.
    id: "contactMethod",
    label: text("答复方式", "Reply method"),
    kind: "contactMethod",
    required: false,
    aliases: [
      "答复方式",
      "回复方式",
      "首次答复方式",
      "答复形式",
      "联系形式",
      "联系方法",
      "回复形式",
      "reply method",
      "contact method",
      "reply channel",
      "contact channel",
      "reply type",
    ],
    keywords: ["答复方式", "回复方式", "答复形式", "method", "channel"],
  },
  {
    id: "arrivedAt",
    label: text("到达现场时间", "Arrived at"),
    kind: "dateTime",
    required: false,
    aliases: [
      "到达现场时间",
      "到达时间",
      "到场时间",
      "抵达时间",
      "到达现场",
      "到现场时间",
      "arrived at",
      "arrival time",
      "arrival",
      "on site at",
      "on-site time",
      "arrived on site at",
      "arrived on site",
    ],
    keywords: ["到达", "到场", "抵达", "arriv", "on site", "onsite"],
  },
  {
    id: "completedAt",
    label: text("完成时间", "Completed at"),
    kind: "dateTime",
    required: false,
    aliases: [
      "完成时间",
      "完工时间",
      "修复时间",
      "结案时间",
      "完成日期",
      "关闭时间",
      "完工日期",
      "completed at",
      "completion time",
      "completed",
      "closed at",
      "finished at",
      "completed on",
      "closed",
    ],
    keywords: ["完成", "完工", "结案", "complet", "closed", "finish"],
  },
  {
    // The service radius to the customer (3.2.2 服务半径在100KM以内). Only explicit distance
    // headers: 里程 is the vehicle's mileage (below), and a bare "公里数"/"km" is asked about.
    id: "distanceKm",
    label: text("服务半径(km)", "Distance (km)"),
    kind: "distance",
    required: false,
    aliases: [
      "服务半径",
      "服务半径km",
      "距离",
      "服务距离",
      "路程",
      "距离km",
      "到场距离",
      "往返距离",
      "客户距离",
      "distance",
      "distance km",
      "radius",
      "service radius",
      "service distance",
      "distance to customer",
    ],
    keywords: ["半径", "距离", "distance", "radius"],
  },
  {
    // 运行里程: the vehicle's mileage, recorded for 三包 coverage (3.4.2 记录运行时间、运行里程).
    id: "mileageKm",
    label: text("运行里程(km)", "Vehicle mileage (km)"),
    kind: "distance",
    required: false,
    aliases: [
      "运行里程",
      "里程",
      "行驶里程",
      "车辆里程",
      "里程数",
      "累计里程",
      "表显里程",
      "总里程",
      "mileage",
      "vehicle mileage",
      "odometer",
      "odometer km",
    ],
    keywords: ["里程", "mileage", "odometer"],
  },
  {
    id: "supplierNeeded",
    label: text("需配套厂家处理", "Supplier needed"),
    kind: "yesNo",
    required: false,
    aliases: [
      "需配套厂家处理",
      "需配套厂家",
      "配套厂家处理",
      "需厂家处理",
      "厂家处理",
      "配套厂家",
      "需要配套厂家处理",
      "supplier needed",
      "needs supplier",
      "supplier",
      "supplier required",
    ],
    keywords: ["厂家", "配套", "supplier"],
  },
  {
    id: "warranty",
    label: text("三包", "Warranty"),
    kind: "yesNo",
    required: false,
    aliases: ["三包", "是否三包", "保修", "在保", "三包期内", "是否在保", "warranty", "under warranty", "in warranty"],
    keywords: ["三包", "保修", "warranty"],
  },
  {
    id: "firstTimeFix",
    label: text("一次修复", "First-time fix"),
    kind: "yesNo",
    required: false,
    aliases: [
      "一次修复",
      "一次修复成功",
      "一次性修复",
      "是否一次修复",
      "一次修好",
      "一次修复率",
      "first-time fix",
      "first time fix",
      "ftf",
      "fixed first time",
      "first fix",
    ],
    keywords: ["一次修", "一次性", "first time", "firsttime", "first fix"],
  },
  {
    id: "quality",
    label: text("维修质量评分", "Repair quality"),
    kind: "rating",
    required: false,
    aliases: [
      "维修质量评分",
      "维修质量",
      "质量评分",
      "质量得分",
      "维修质量得分",
      "质量",
      "repair quality",
      "quality",
      "quality score",
      "quality rating",
      "repair quality rating",
    ],
    keywords: ["质量", "quality"],
  },
  {
    id: "satisfaction",
    label: text("客户满意度", "Satisfaction"),
    kind: "rating",
    required: false,
    aliases: [
      "客户满意度",
      "满意度",
      "满意度评分",
      "客户评分",
      "客户满意度评分",
      "满意度得分",
      "satisfaction",
      "customer satisfaction",
      "satisfaction score",
      "satisfaction rating",
      "customer rating",
      "rating",
    ],
    keywords: ["满意", "satisf"],
  },
  {
    id: "returnVisit",
    label: text("已回访", "Return visit"),
    kind: "yesNo",
    required: false,
    aliases: [
      "已回访",
      "回访",
      "是否回访",
      "回访完成",
      "已回访客户",
      "回访情况",
      "return visit",
      "follow-up",
      "follow up",
      "followed up",
      "visited back",
      "return visit done",
    ],
    keywords: ["回访", "follow", "return visit"],
  },
  {
    id: "complaint",
    label: text("客户投诉", "Complaint"),
    kind: "yesNo",
    required: false,
    aliases: [
      "客户投诉",
      "投诉",
      "是否投诉",
      "有无投诉",
      "用户投诉",
      "客诉",
      "complaint",
      "customer complaint",
      "complained",
    ],
    keywords: ["投诉", "客诉", "complain"],
  },
  {
    id: "serviceCaused",
    label: text("服务责任", "Service at fault"),
    kind: "yesNo",
    required: false,
    aliases: [
      "服务责任",
      "是否服务责任",
      "属服务责任",
      "服务原因",
      "责任在服务",
      "服务方责任",
      "service caused",
      "service fault",
      "service responsibility",
      "service's fault",
      "caused by service",
    ],
    keywords: ["责任", "fault", "responsib"],
  },
  {
    id: "complaintHandled",
    label: text("投诉已处理", "Complaint handled"),
    kind: "yesNo",
    required: false,
    aliases: [
      "投诉已处理",
      "投诉处理",
      "投诉是否处理",
      "已处理投诉",
      "投诉处理完成",
      "投诉处理情况",
      "complaint handled",
      "complaint resolved",
      "handled",
      "complaint closed",
    ],
    keywords: ["处理", "handled", "resolved"],
  },
  // 服务报告 (issue 12 point 4; the bus maker's 3.3.2 and 3.4.2 E–d): the customer signs the report
  // after the service; a replacement names the part, its quantity and the reason; the old part
  // comes back. They feed 表单记录准确率 (serviceReport.ts) and the spare-parts ledger.
  {
    id: "signatureObtained",
    label: text("客户签字", "Customer signed"),
    kind: "yesNo",
    required: false,
    aliases: [
      "客户签字",
      "用户签字",
      "客户签名",
      "用户签名",
      "客户已签字",
      "用户已签字",
      "客户签字确认",
      "用户签字确认",
      "客户签字盖章",
      "用户签字盖章",
      "用户签名盖章",
      "customer signed",
      "customer signature",
      "signed by customer",
      "signature obtained",
      "customer sign-off",
    ],
    keywords: ["客户签", "用户签", "customersign"],
  },
  {
    id: "partName",
    label: text("更换零件", "Part replaced"),
    kind: "text",
    required: false,
    aliases: [
      "更换零件",
      "更换零件名称",
      "换件名称",
      "零件名称",
      "更换配件",
      "配件名称",
      "更换备件",
      "备件名称",
      "更换件",
      "part replaced",
      "parts replaced",
      "replaced part",
      "replaced parts",
      "part name",
      "replacement part",
    ],
    keywords: ["零件名", "配件名", "备件名", "换件名", "partname", "replacedpart"],
  },
  {
    id: "partQuantity",
    label: text("换件数量", "Parts quantity"),
    kind: "quantity",
    required: false,
    aliases: [
      "换件数量",
      "更换数量",
      "零件数量",
      "配件数量",
      "备件数量",
      "换件数",
      "part quantity",
      "parts quantity",
      "quantity replaced",
      "qty replaced",
      "part qty",
      "parts qty",
    ],
    keywords: ["换件数", "更换数", "零件数", "配件数", "备件数", "partqty", "partquantity", "partsqty"],
  },
  {
    id: "partReason",
    label: text("换件原因", "Replacement reason"),
    kind: "text",
    required: false,
    aliases: [
      "换件原因",
      "更换原因",
      "换件理由",
      "更换理由",
      "replacement reason",
      "reason for replacement",
      "reason replaced",
    ],
    keywords: ["换件原因", "更换原因", "换件理由", "replacementreason"],
  },
  {
    id: "oldPartReturned",
    label: text("旧件返回", "Old part returned"),
    kind: "yesNo",
    required: false,
    aliases: [
      "旧件返回",
      "旧件已返回",
      "旧件带回",
      "旧件已带回",
      "旧件回收",
      "旧件收回",
      "旧件已收回",
      "旧件是否返回",
      "旧件返厂",
      "old part returned",
      "old parts returned",
      "old part back",
      "returned old part",
    ],
    keywords: ["旧件返", "旧件带回", "旧件回收", "旧件收回", "oldpartreturn", "oldpartsreturn"],
  },
];

/**
 * Headers that name only a unit ("公里数", "km"): the service radius and the vehicle's mileage
 * are both kilometres, so such a column is never mapped by guessing — the user says which it is
 * (issue 14: an order with 里程 85000 was counted late).
 */
export const AMBIGUOUS_HEADERS: readonly {
  readonly headers: readonly string[];
  readonly fields: readonly OrderField[];
}[] = [
  {
    headers: ["公里数", "公里", "千米", "公里km", "km", "kilometres", "kilometers", "kms"],
    fields: ["distanceKm", "mileageKm"],
  },
  // 服务报告 headers that name the thing but not which of the report's facts the column holds:
  // "签字" may be the customer's or the manager's approval (3.4.3 C); "数量" the parts or anything
  // counted; "原因" the fault's cause or the replacement's; "零件"/"旧件" a name, a count or a yes/no.
  {
    headers: ["签字", "签名", "签字确认", "签字盖章", "signature", "signed", "sign-off"],
    fields: ["signatureObtained"],
  },
  { headers: ["数量", "qty", "quantity", "件数"], fields: ["partQuantity"] },
  { headers: ["原因", "故障原因", "reason", "cause"], fields: ["partReason"] },
  { headers: ["零件", "配件", "备件", "换件", "part", "parts"], fields: ["partName", "partQuantity"] },
  { headers: ["旧件", "old part", "old parts"], fields: ["oldPartReturned", "partName"] },
];

/** The definition of one field. */
export function fieldDef(id: OrderField): FieldDef {
  const def = ORDER_FIELDS.find((f) => f.id === id);
  if (!def) throw new RangeError(`unknown work-order field: ${id}`);
  return def;
}

/** What a blank technician cell means (RULES.md#work-order-register): 未指派, unassigned. */
export const UNASSIGNED: Text = text("未指派", "Unassigned");
