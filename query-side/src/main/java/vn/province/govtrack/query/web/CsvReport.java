package vn.province.govtrack.query.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a report record that answers CSV as well as JSON ({@link CsvReports}): only such a record is
 * written as CSV, so an endpoint that is no report answers a request for CSV 406, whatever else the
 * request would accept.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CsvReport {
}
