import type { Text } from "../../../core/i18n/text";
import type { GenerationSettings } from "../../../sheets/settings";
import type { PaneMessageInput } from "../../components";

/**
 * What a generation tells the user about the settings: that the 考核参数 sheet was created with
 * it (`added`, in the pane's own words about what references it). A 考核参数 with values that
 * cannot be read never gets here: sheets/settings `settingsForGeneration` refuses it before
 * anything is written (unreadableSettingsError), so no value ever falls back to a default.
 */
export function settingsMessages(g: GenerationSettings, added: Text): PaneMessageInput[] {
  return g.add.length > 0 ? [{ intent: "info", body: added }] : [];
}
