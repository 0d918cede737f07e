/** Work orders and monthly service KPIs (RULES.md#work-orders-and-monthly-kpis): fields, header matching, row parsing, SLA states, aggregation, sample data. */
export {
  ORDER_FIELDS,
  AMBIGUOUS_HEADERS,
  fieldDef,
  UNASSIGNED,
  type OrderField,
  type FieldDef,
  type FieldKind,
} from "./fields";
export {
  proposeMapping,
  findHeaderRow,
  checkMapping,
  headerKey,
  ambiguousFields,
  type AmbiguousColumn,
  type ColumnMapping,
  type ColumnMatch,
  type MappingProposal,
  type MatchHow,
} from "./headers";
export {
  parseOrders,
  blankOrder,
  type WorkOrder,
  type OrderProblem,
  type ParsedOrders,
  type ParseOptions,
  type ProblemEffect,
} from "./parseOrders";
export {
  parseMonth,
  monthKey,
  nextMonth,
  previousMonth,
  monthStart,
  monthBounds,
  monthOfSerial,
  defaultAsOf,
  monthsWithData,
  type Month,
} from "./month";
export { slaClassifier, slaStateClassifier, type OrderSla, type SlaFactsOf } from "./slaStates";
export { serviceReportComplete, partReplaced, type ServiceReportFacts } from "./serviceReport";
export { completionState, type OrderCompletion, type CompletionFactsOf } from "./completion";
export {
  aggregateMonth,
  monthlyKpiReport,
  checkKpiSettings,
  technicianKey,
  rate,
  median,
  KPI_VALUE_KEYS,
  KPI_VALUE_OF,
  SCORED_KPIS,
  RATING_MAX,
  scoreKpi,
  type KpiCounts,
  type KpiValues,
  type KpiScores,
  type KpiRow,
  type MonthKpis,
  type KpiReport,
  type AggregateOptions,
} from "./aggregate";
export {
  sampleWorkOrders,
  sampleOrders,
  serialOf,
  type SampleOptions,
  type SampleTable,
  type SampleCell,
} from "./sample";
