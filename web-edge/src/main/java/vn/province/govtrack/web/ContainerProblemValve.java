package vn.province.govtrack.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as problem+json instead of an HTML page: for requests Tomcat refuses
 * before any application code runs (a malformed or ambiguous path such as {@code %2F} or
 * {@code %C0%AE}, characters not allowed in a query), and TRACE, which the API does not have (405). Errors
 * inside the application are answered by {@link ProblemAdvice} and {@link ProblemErrorController};
 * this valve leaves an answer that already has a body alone.
 */
public class ContainerProblemValve extends ErrorReportValve {

    /** TRACE is let through the connector only to be refused here, with a problem like any other method. */
    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if ("TRACE".equals(request.getMethod())) {
            response.setStatus(405);
            response.setError();
            report(request, response, null);
            return;
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String detail = status >= 500 ? "the request failed on the server"
                : "the request was refused before it reached the application: " + ProblemBodies.reasonPhrase(status);
        ProblemDetail problem = ProblemBodies.ofStatus(status, true, detail);
        // written by hand: no application context here; every part is the vocabulary's own text
        String body = "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
                      + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }

    /**
     * Installs the valve on the embedded Tomcat's host in place of Tomcat's HTML error report, and lets
     * TRACE through the connector (which would otherwise refuse it with an empty body) to the valve.
     */
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ContainerProblemValve.class.getName());
                    host.getPipeline().addValve(new ContainerProblemValve());
                }
            });
        }
    }
}
