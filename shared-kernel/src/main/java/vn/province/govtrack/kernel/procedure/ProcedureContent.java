package vn.province.govtrack.kernel.procedure;

/**
 * The elements a published procedure must disclose (Decree 63/2010/NĐ-CP, Article 8): its content is
 * complete when every one of them is published.
 */
public enum ProcedureContent {
    NAME, STEPS, METHOD, DOSSIER_COMPOSITION, PROCESSING_TIME, APPLICANTS, AGENCY, RESULT, FEES, FORMS,
    REQUIREMENTS, LEGAL_BASIS
}
