/**
 * The names the self-check gives its temporary sheets, apart from the plan builder so that
 * src/excel (and the task pane's first bundle) can recognise them without the sample data.
 */
import { text, type Text } from "../../core/i18n/text";

/** What every temporary sheet's name starts with. */
export const TEMP_PREFIX: Text = text("自检 ", "Check ");

/** The sheet the custom functions are evaluated on (temporary too). */
export const FUNCTIONS_SHEET: Text = text("自检 函数", "Check Functions");

/** Is this a sheet name the self-check gives its temporary sheets (in either language)? */
export function isTemporaryName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX.zh) || name.startsWith(TEMP_PREFIX.en);
}
