export { STRINGS, type StringKey } from "./strings";
export { LocaleProvider, useLocale, useT, translate, type Translate } from "./useT";
export { interpolate, formatText, type Params } from "./format";
export { initialLocale, storeLocale, browserStore, LOCALE_STORAGE_KEY, type KeyValueStore } from "./locale";
