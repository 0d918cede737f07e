export { normalizeText } from "./text";
export { isBlank, isNotApplicableMark } from "./blank";
export { describeValue, formatNumber } from "./describe";
export { toNumber, parseNumericText } from "./toNumber";
export { parseYesNo, type YesNoBlank } from "./yesNo";
