// SVC_SUPPORT_URL, where the self-check asks users to send reports (src/taskpane/version.ts):
// an https:// page or a mailto: address, "" when not given. Anything else stops the build: a
// typo would otherwise reach every user as a dead link.
"use strict";

/** @param {string | undefined} value */
function supportUrl(value) {
  const url = (value ?? "").trim();
  if (url === "") return "";
  if (/^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/.test(url) || /^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/.test(url))
    return url;
  throw new Error(`SVC_SUPPORT_URL must be an https:// address or mailto:someone@example.com, not "${url}"`);
}

module.exports = { supportUrl };
