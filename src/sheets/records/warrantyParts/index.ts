export {
  warrantyPartsPlan,
  WARRANTY_TABLE,
  TERMS_CELLS,
  type WarrantyBook,
  type WarrantyOptions,
} from "./warrantyPlan";
export { WARRANTY_SHEET_NAME } from "./strings";
