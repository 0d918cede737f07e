export * from "./template";
export * from "./period";
export * from "./people";
export * from "./sample";
