/**
 * How the first reply reached the customer (3.2.3: a 底盘发动机 fault needs contact 以文字形式 —
 * in writing — within 12 h, and the contact result is filed). A reply is "written" when the
 * register names a written channel (书面, 短信, 微信, 邮件 …), "phone" when it names only a spoken
 * one (电话, 口头 …). A cell naming both ("电话+短信") is written: the written contact was made.
 */
import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { isBlank } from "../values/blank";
import { normalizeText } from "../values/text";

export type ContactMethod = "written" | "phone";

const WRITTEN = [
  "书面",
  "文字",
  "短信",
  "微信",
  "邮件",
  "电邮",
  "邮箱",
  "传真",
  "信函",
  "函件",
  "公函",
  "qq",
  "钉钉",
  "工单系统",
  "系统消息",
  "written",
  "writing",
  "text",
  "sms",
  "email",
  "e-mail",
  "mail",
  "wechat",
  "fax",
  "letter",
  "message",
];
const PHONE = ["电话", "手机", "口头", "来电", "致电", "通话", "语音", "phone", "telephone", "call", "verbal", "oral"];

/** The register's words for the two methods (the dropdown and the formulas use these). */
export const CONTACT_METHOD_WORDS: Readonly<Record<ContactMethod, Text>> = {
  written: text("书面", "written"),
  phone: text("电话", "phone"),
};

/**
 * Reads a reply-method cell; blank → null (not recorded). Text naming neither kind of channel is
 * a problem that names what is accepted.
 *
 * @example
 * parseContactMethod("微信") // → ok("written")
 * parseContactMethod("电话") // → ok("phone")
 */
export function parseContactMethod(value: unknown): Result<ContactMethod | null> {
  if (isBlank(value)) return ok(null);
  const s = normalizeText(String(value)).toLowerCase();
  if (WRITTEN.some((w) => s.includes(w))) return ok("written");
  if (PHONE.some((w) => s.includes(w))) return ok("phone");
  return fail(
    "value",
    text(
      `无法识别的答复方式“${String(value)}”：应为书面（短信、微信、邮件、传真等）或电话`,
      `unknown reply method "${String(value)}": expected written (SMS, WeChat, e-mail, fax …) or phone`,
    ),
  );
}
