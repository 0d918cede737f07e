export * from "./conductLog";
export { sampleCards } from "./sample";
