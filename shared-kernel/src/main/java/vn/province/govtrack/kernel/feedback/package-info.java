/**
 * Citizens' feedback (complaints and suggestions) about a unit's service, and its handling: the
 * satisfaction group of the national service-quality index counts whether it was answered on time.
 */
package vn.province.govtrack.kernel.feedback;
