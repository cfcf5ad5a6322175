/**
 * PLACEHOLDER (to be replaced by the console page work): the console's visual system as one CSS text, shared by
 * the console and the standalone tester page.
 */
export const THEME_CSS = "";
