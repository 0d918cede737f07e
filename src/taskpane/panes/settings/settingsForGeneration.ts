import { text, type Text } from "../../../core/i18n/text";
import type { GenerationSettings } from "../../../sheets/settings";
import type { PaneMessageInput } from "../../components";
import { formatText } from "../../i18n/format";

const SETTINGS_PROBLEMS = text(
  "“考核参数”中有无法读取的值，已使用默认值：{list}",
  "Some Settings values could not be read and their defaults were used: {list}",
);

/**
 * What a generation tells the user about the settings: that the 考核参数 sheet was created with
 * it (`added`, in the pane's own words about what references it), or which values fell back to
 * their defaults.
 */
export function settingsMessages(g: GenerationSettings, added: Text): PaneMessageInput[] {
  const out: PaneMessageInput[] = [];
  if (g.add.length > 0) out.push({ intent: "info", body: added });
  if (g.problems.length > 0) {
    out.push({
      intent: "warning",
      body: {
        zh: formatText(SETTINGS_PROBLEMS, { list: g.problems.map((p) => p.message.zh).join("；") }).zh,
        en: formatText(SETTINGS_PROBLEMS, { list: g.problems.map((p) => p.message.en).join("; ") }).en,
      },
    });
  }
  return out;
}
