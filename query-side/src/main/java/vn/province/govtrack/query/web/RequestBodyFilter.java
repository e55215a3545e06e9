package vn.province.govtrack.query.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies to {@code govtrack.web.max-request-body} (default 64 KiB): a larger declared
 * {@code Content-Length} is answered 413 before anything is read, and a body of unknown length
 * (chunked) is read up to the bound and answered 413 once it exceeds it. A JSON body must be
 * well-formed UTF-8 (RFC 8259), without overlong forms or encoded surrogates, which a JSON parser
 * would otherwise decode into something else (400). Bodies within the bound are handed on in memory,
 * so later filters and the controllers read them without further checks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final FilterProblems problems;

    RequestBodyFilter(@Value("${govtrack.web.max-request-body:64KB}") DataSize maxBody, FilterProblems problems) {
        this.maxBytes = maxBody.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            // a broken chunked encoding, or the client went away: nothing of the request is used
            response.setHeader("Connection", "close");
            problems.write(request, response, 400, "malformed-request", "Malformed request",
                           "the request body could not be read");
            return;
        }
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (isUtf8Json(request) && !isUtf8(body)) {
            problems.write(request, response, 400, "malformed-request", "Malformed request",
                           "the request body is not well-formed UTF-8");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private static boolean isUtf8Json(HttpServletRequest request) {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                           || type.getSubtype().endsWith("+json");
            return json && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException e) {
            return false; // not readable as JSON at all: refused further on as an unsupported media type
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                                  .onMalformedInput(CodingErrorAction.REPORT)
                                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                                  .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 413, "payload-too-large", "Payload too large",
                       "the request body may hold at most " + maxBytes + " bytes");
    }
}
