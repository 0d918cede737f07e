export * from "./engine";
export * from "./fields";
export * from "./sample";
