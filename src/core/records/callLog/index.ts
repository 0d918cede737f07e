export * from "./callLog";
export { sampleCalls } from "./sample";
