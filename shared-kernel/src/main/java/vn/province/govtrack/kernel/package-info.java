/**
 * The published language shared by the command side and the query side: commands
 * (imperative), events (past tense, each with a {@code @Revision}), and value objects.
 *
 * <p>Nothing here depends on Spring or MongoDB (an ArchUnit test enforces it). Events record
 * every decision the command side made, such as a dossier's due date and its timeliness
 * verdict, so that replay never recomputes them.
 */
package vn.province.govtrack.kernel;
