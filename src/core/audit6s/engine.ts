/**
 * Everything of core/audit6s in one import: the scoring of index.ts (owned by the core engine)
 * plus the checklist, area scoring and summary added for the 6S sheets. Import from here.
 */
export * from "./index";
export * from "./checklist";
export * from "./area";
export * from "./summary";
export * from "./checklistTable";
