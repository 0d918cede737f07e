/** Slow suite: headless LibreOffice recalculation and the task pane in headless Chromium. */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 300000,
};
