package dev.lookalikeguard.webadmin;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.io.BaseEncoding;

import spark.HaltException;
import spark.Request;
import spark.Route;

/**
 * How the guard's routes answer, in one place:
 * <ul>
 *   <li>while WebAdmin authentication is off ({@code jwt.enabled}), a request a web browser makes on a page's behalf
 *       is refused (403): it carries {@code Origin}, or {@code Sec-Fetch-Site} other than {@code none} (what a typed
 *       address or a bookmark sends). Without it, any page open in a browser that can reach WebAdmin (on the server, or
 *       through an admin's tunnel) could release the quarantine with a plain form post, which no CORS rule stops, or
 *       read it after pointing its own name at the loopback address (DNS rebinding). Programs (curl, scripts) send
 *       neither header; with authentication on, a page cannot present the admin's token, so nothing is refused;</li>
 *   <li>unexpected failures answer a plain 500 with a reference, and log the failure (with its stack trace) once under
 *       that reference: no internal exception text ever reaches the answer. Answers the route chose itself (400,
 *       404...) pass through.</li>
 * </ul>
 */
final class Guarded {
    private static final Logger LOGGER = LoggerFactory.getLogger(Guarded.class);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final boolean authenticated;

    /** @param authentication WebAdmin's authentication filter (James binds it from {@code webadmin.properties}) */
    Guarded(AuthenticationFilter authentication) {
        this.authenticated = !(authentication instanceof NoAuthenticationFilter);
    }

    Route route(Route route) {
        return (request, response) -> {
            if (!authenticated && fromAPage(request)) {
                LOGGER.warn("WebAdmin {} {} refused: sent by a web page (Origin {}, Sec-Fetch-Site {}) while WebAdmin "
                    + "authentication is off", request.requestMethod(), request.pathInfo(), request.headers("Origin"),
                    request.headers("Sec-Fetch-Site"));
                throw ErrorResponder.builder().statusCode(HttpStatus.FORBIDDEN_403)
                    .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                    .message("the look-alike guard's routes do not answer requests a web page makes while WebAdmin "
                        + "authentication is off (jwt.enabled in webadmin.properties): use curl or a script, or turn "
                        + "authentication on")
                    .haltError();
            }
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

    /** Whether a web browser sent the request for a page (not for an address the admin typed or bookmarked). */
    private static boolean fromAPage(Request request) {
        String site = request.headers("Sec-Fetch-Site");
        return request.headers("Origin") != null || (site != null && !site.equalsIgnoreCase("none"));
    }
}
