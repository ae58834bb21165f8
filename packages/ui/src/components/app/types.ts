import type { RouteLocationRaw } from 'vue-router';

/** An entry of the main menu. */
export interface NavItem {
  to: RouteLocationRaw;
  label: string;
  /** A PrimeIcons class, e.g. "pi pi-chart-bar". */
  icon?: string;
}
