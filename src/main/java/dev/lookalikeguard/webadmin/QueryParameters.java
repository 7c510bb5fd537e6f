package dev.lookalikeguard.webadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;

/**
 * The query parameters of one request, checked against the names its route accepts: an unknown name
 * (a typo such as {@code domian}), a repeated one, or an empty value (an unset shell variable) is a 400
 * naming it, never silently ignored. Immutable.
 */
final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters of(Request request, Set<String> accepted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : request.queryParams()) {
            if (!accepted.contains(name)) {
                throw badRequest("unknown query parameter '" + name + "'"
                    + (accepted.isEmpty() ? "; this route takes none" : "; expected " + String.join(", ", new TreeSet<>(accepted))));
            }
            String[] given = request.queryParamsValues(name);
            if (given == null || given.length != 1) {
                throw badRequest("query parameter '" + name + "' must be given once");
            }
            if (given[0].isBlank()) {
                throw badRequest("query parameter '" + name + "' is empty");
            }
            values.put(name, given[0].strip());
        }
        return new QueryParameters(values);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** {@code true} or {@code false}, nothing else. */
    Optional<Boolean> bool(String name) {
        return text(name).map(value -> {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw badRequest("query parameter '" + name + "' must be true or false");
            }
        });
    }

    /** A whole number from {@code min} to {@code max} (digits only: no sign, exponent or fraction). */
    int number(String name, int defaultValue, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String expected = "query parameter '" + name + "' must be a whole number from " + min + " to " + max;
        if (!value.get().matches("\\d{1,10}")) {
            throw badRequest(expected);
        }
        long parsed = Long.parseLong(value.get());
        if (parsed < min || parsed > max) {
            throw badRequest(expected);
        }
        return (int) parsed;
    }

    static Set<String> names(String... names) {
        return Set.copyOf(List.of(names));
    }

    /**
     * A mail address a request gives (a parameter, a path segment), in James's canonical form; 400 otherwise, naming
     * {@code what} ("query parameter 'sender'", "sender").
     */
    static String address(String what, String value) {
        try {
            return new MailAddress(value).asString();
        } catch (AddressException e) {
            throw badRequest(what + " is not an address: '" + value + "'");
        }
    }

    static RuntimeException badRequest(String message) {
        return ErrorResponder.builder().statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorResponder.ErrorType.INVALID_ARGUMENT).message(message).haltError();
    }
}
