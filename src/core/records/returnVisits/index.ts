export * from "./engine";
export * from "./sampling";
export * from "./sample";
export * from "./survey";
