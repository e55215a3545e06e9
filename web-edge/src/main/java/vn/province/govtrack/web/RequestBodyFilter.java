package vn.province.govtrack.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies to {@code govtrack.web.max-request-body} (default 64 KiB): a larger declared
 * {@code Content-Length} is answered 413 before anything is read, and a body of unknown length
 * (chunked) is read up to the bound and answered 413 once it exceeds it. The API reads JSON only: a
 * body sent to {@code /api/} under another content type is answered 415. A JSON body must be
 * well-formed UTF-8 (RFC 8259), without overlong forms or encoded surrogates, which a JSON parser
 * would otherwise decode into something else, and well-formed JSON: no syntax error, no duplicate
 * key, nested at most {@value StrictJsonConfiguration#MAX_NESTING_DEPTH} deep (400
 * {@code malformed-request}). Whether its fields fit the endpoint is the endpoint's to say. These
 * answers come before authentication and routing, so both services give them alike for any path.
 * Bodies within the bound are handed on in memory, so later filters and the controllers read them
 * without further checks.
 */
class RequestBodyFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final FilterProblems problems;

    RequestBodyFilter(DataSize maxBody, FilterProblems problems) {
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
            problems.write(request, response, ProblemType.MALFORMED_REQUEST, "the request body could not be read");
            return;
        }
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (body.length > 0 && isApi(request) && !isJson(request)) {
            problems.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                           "this API reads request bodies as application/json only");
            return;
        }
        if (isUtf8Json(request) && !isUtf8(body)) {
            problems.write(request, response, ProblemType.MALFORMED_REQUEST, "the request body is not well-formed UTF-8");
            return;
        }
        if (isUtf8Json(request)) {
            String malformed = malformedJson(body);
            if (malformed != null) {
                problems.write(request, response, ProblemType.MALFORMED_REQUEST, malformed);
                return;
            }
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean isJson(HttpServletRequest request) {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What is wrong with the body as JSON text, said as the endpoints would; null when it is well-formed. */
    private static String malformedJson(byte[] body) {
        try (JsonParser parser = StrictJsonConfiguration.PARSING.createParser(body)) {
            while (parser.nextToken() != null) {
                // every token read: a syntax error, a duplicate key or too deep a nesting throws
            }
            return null;
        } catch (JsonProcessingException e) {
            return JsonProblems.describe(e, "the request body", "this request");
        } catch (IOException e) {
            return "the request body could not be read";
        }
    }

    private static boolean isUtf8Json(HttpServletRequest request) {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return isJson(request) && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException e) {
            return false; // not readable as JSON at all: refused as an unsupported media type
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
        problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, "the request body may hold at most " + maxBytes + " bytes");
    }
}
