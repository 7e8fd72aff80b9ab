import type { DayWording } from '../../german/speak/speak.js';
import type { Wish } from './state.js';

/** How the wish's day is said back: by its weekday when the caller named it so ("Freitag"), other days as usual. */
export function dayWordingOf(wish: Wish): DayWording {
  return wish.weekdayDay ? { weekdayNamed: true, day: wish.weekdayDay } : {};
}
