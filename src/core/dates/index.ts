export {
  dateTimeToSerial,
  serialToDateTime,
  dateToSerial,
  serialToUtcDate,
  formatSerial,
  daysInMonth,
  MS_PER_DAY,
  MAX_SERIAL_DAY,
  type NaiveDateTime,
} from "./serial";
export { parseDateTime } from "./parseDateTime";
