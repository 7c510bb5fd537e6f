package dev.lookalikeguard.webadmin;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.io.BaseEncoding;
import com.google.common.net.InetAddresses;

import spark.Filter;
import spark.HaltException;
import spark.Request;
import spark.Route;
import spark.Service;

/**
 * How the guard's routes answer, in one place:
 * <ul>
 *   <li>while WebAdmin authentication is off ({@code jwt.enabled}), a request a web browser makes on a page's behalf
 *       is refused (403): it carries {@code Origin}, or {@code Sec-Fetch-Site} other than {@code none} (what a typed
 *       address or a bookmark sends), or names a host other than an IP address or {@code localhost} (a page that pointed
 *       its own name at the loopback address: DNS rebinding, which older browsers send without the other two). Without
 *       it, any page open in a browser that can reach WebAdmin (on the server, or through an admin's tunnel) could
 *       release the quarantine with a plain form post, which no CORS rule stops, or read it. Programs (curl, scripts)
 *       send neither header and name the address they connect to; with authentication on, a page cannot present the
 *       admin's token, so nothing is refused. The same check covers James's own {@code /mailRepositories} routes,
 *       which reach the held mail too ({@link #refuseWebPagesOnMailRepositories});</li>
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

    /** Refuses, as the guard's own routes do, web pages on James's routes that reach the held mail. */
    void refuseWebPagesOnMailRepositories(Service service) {
        Filter filter = (request, response) -> refuseAWebPage(request);
        service.before("/mailRepositories", filter);
        service.before("/mailRepositories/*", filter);
    }

    Route route(Route route) {
        return (request, response) -> {
            refuseAWebPage(request);
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

    private void refuseAWebPage(Request request) {
        if (authenticated || !fromAPage(request)) {
            return;
        }
        LOGGER.warn("WebAdmin {} {} refused: sent by a web page (Origin {}, Sec-Fetch-Site {}, Host {}) while WebAdmin "
            + "authentication is off", request.requestMethod(), request.pathInfo(), request.headers("Origin"),
            request.headers("Sec-Fetch-Site"), request.headers("Host"));
        throw ErrorResponder.builder().statusCode(HttpStatus.FORBIDDEN_403)
            .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
            .message("while WebAdmin authentication is off (jwt.enabled in webadmin.properties), the look-alike guard's "
                + "routes and the mail repositories answer no web page and no host name but an IP address or localhost: "
                + "use curl or a script with the server's address, or turn authentication on")
            .haltError();
    }

    /**
     * Whether a web browser sent the request for a page (not for an address the admin typed or bookmarked), or for a
     * host name that is no address (DNS rebinding).
     */
    private static boolean fromAPage(Request request) {
        String site = request.headers("Sec-Fetch-Site");
        return request.headers("Origin") != null || (site != null && !site.equalsIgnoreCase("none"))
            || !isAddressOrLocalhost(request.headers("Host"));
    }

    /** Whether an HTTP Host header (with or without its port) names an IP address or localhost. */
    private static boolean isAddressOrLocalhost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 without Host: no browser sends that
        }
        String name = host.strip();
        if (name.startsWith("[")) {
            return true; // an IPv6 literal, [::1]:8000
        }
        int colon = name.lastIndexOf(':');
        name = colon >= 0 ? name.substring(0, colon) : name;
        return name.equalsIgnoreCase("localhost") || InetAddresses.isInetAddress(name);
    }
}
