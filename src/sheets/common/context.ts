/**
 * What every generator's sections share: the builder of the sheet and its language. Each sheet
 * extends it with its own layout and the engine's results (bonus/context.ts, kpi/context.ts …),
 * so a section is a function of one argument named for the sheet (`sheet`).
 */
import type { Locale, Text } from "../../core/i18n/text";
import type { MarkerEnvelope } from "../plan";
import type { SheetBuilder } from "./builder";

export interface SheetContext<M extends MarkerEnvelope> {
  readonly b: SheetBuilder<M>;
  /** The text in the sheet's language. */
  readonly t: (x: Text) => string;
  readonly locale: Locale;
}
