package dev.lookalikeguard.webadmin;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.io.BaseEncoding;

import spark.HaltException;
import spark.Route;

/**
 * A route whose unexpected failures answer a plain 500 with a reference, and log the failure (with its stack
 * trace) once under that reference: no internal exception text ever reaches the answer. Answers the route
 * chose itself (400, 404...) pass through.
 */
final class Guarded {
    private static final Logger LOGGER = LoggerFactory.getLogger(Guarded.class);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private Guarded() {
    }

    static Route route(Route route) {
        return (request, response) -> {
            try {
                return route.handle(request, response);
            } catch (HaltException chosen) {
                throw chosen;
            } catch (Exception e) {
                byte[] bytes = new byte[5];
                RANDOM.nextBytes(bytes);
                String reference = BaseEncoding.base32().lowerCase().omitPadding().encode(bytes);
                LOGGER.error("WebAdmin {} {} failed (reference {})", request.requestMethod(), request.pathInfo(), reference, e);
                throw ErrorResponder.builder().statusCode(HttpStatus.INTERNAL_SERVER_ERROR_500)
                    .type(ErrorResponder.ErrorType.SERVER_ERROR)
                    .message("the request failed on the server; see the server log, reference " + reference)
                    .haltError();
            }
        };
    }
}
