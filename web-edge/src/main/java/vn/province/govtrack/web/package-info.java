/**
 * The web edge both services share, brought by {@link vn.province.govtrack.web.WebEdgeAutoConfiguration}:
 * what every request passes before a controller sees it, and how every failure is answered.
 *
 * <ul>
 *   <li>Before routing and authentication: a correlation id for each request
 *       ({@link vn.province.govtrack.web.CorrelationIdFilter}); bodies bounded, JSON only, well-formed
 *       UTF-8 and well-formed JSON ({@link vn.province.govtrack.web.RequestBodyFilter}); answers the
 *       client accepts ({@link vn.province.govtrack.web.AcceptHeaderFilter}). Request bodies are then
 *       read strictly ({@link vn.province.govtrack.web.StrictJsonConfiguration}).</li>
 *   <li>Every failure, wherever it is detected (Spring MVC, a filter, the security layer, the error
 *       page, the servlet container), is a problem of the one vocabulary,
 *       {@link vn.province.govtrack.web.ProblemType}, answered in one form.</li>
 *   <li>A service adds its own failures by throwing {@link vn.province.govtrack.web.ProblemException}
 *       or by contributing a {@link vn.province.govtrack.web.ProblemMapping} bean; it declares no advice
 *       of its own.</li>
 * </ul>
 */
package vn.province.govtrack.web;
