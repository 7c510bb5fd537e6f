package dev.lookalikeguard.webadmin;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.webadmin.dto.CheckDto;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The live check, under {@value #BASE}: {@code GET /lookalike/check?address=j@army.ml} gives the verdict under the
 * deployed condition and run-time allow-list, and whether the guard would stop it. List it in
 * {@code extensions.routes} of {@code webadmin.properties}.
 */
public class CheckRoutes implements Routes {
    public static final String BASE = "/lookalike/check";

    private final GuardRegistry registry;
    private final JsonTransformer json;

    @Inject
    public CheckRoutes(GuardRegistry registry, JsonTransformer json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE, Guarded.route(this::check), json);
    }

    private CheckDto check(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("address"));
        String address = parameters.text("address")
            .orElseThrow(() -> QueryParameters.badRequest("query parameter 'address' is required (an address or a domain)"));
        Policy policy = registry.policy().orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.SERVICE_UNAVAILABLE_503).type(ErrorResponder.ErrorType.SERVER_ERROR)
            .message("no RecipientIsLookalike matcher is deployed").haltError());
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : address;
        Verdict verdict = policy.detector().check(domain);
        Optional<String> allowedBy = verdict.isLookalike() ? registry.allowList().allowing(verdict.domain()) : Optional.empty();
        return new CheckDto(address, verdict, allowedBy);
    }
}
