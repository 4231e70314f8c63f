/**
 * Ids of directory entries that the UI words apart (kept free of the directory's data, so the popup can
 * import them without bundling it).
 */

/**
 * The one entry the FDIC BankFind hosts are compiled into (assets/directory/fdic-bankfind.json): the
 * dataset names the sites of insured banks but not which bank, so the UI says "the FDIC lists this site
 * as an insured bank's website", never a name, and names the owner by its site.
 */
export const FDIC_LISTED_ID = 'fdic-insured-bank';
