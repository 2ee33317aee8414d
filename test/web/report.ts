/** The tag of the web suite's report lines in the browser console; scripts/lib/web-host.mjs has the same. */
export const REPORT_TAG = '[medterms-web] ';
