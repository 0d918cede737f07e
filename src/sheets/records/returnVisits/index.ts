export {
  drawnSurvey,
  returnVisitsPlan,
  RETURN_VISIT_TABLES,
  type ReturnVisitsBook,
  type ReturnVisitsOptions,
} from "./returnVisitsPlan";
export { SHEET_NAMES as RETURN_VISIT_SHEET_NAMES } from "./strings";
export {
  drawFromOrders,
  drawnReturnVisitsOptions,
  nothingToVisit,
  seedFromClock,
  type DrawnFromOrders,
  type OrdersDraw,
} from "./fromOrders";
