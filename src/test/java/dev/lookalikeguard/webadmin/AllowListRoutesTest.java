package dev.lookalikeguard.webadmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowListRoutesTest {
    private GuardWebAdmin webAdmin;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    @Test
    void addsListsAndRemovesAnEntry() {
        webAdmin.spec().put("/lookalike/allow/Partner.ML").then().statusCode(200)
            .body("allowed", equalTo("partner.ml")).body("for", equalTo("ever"));

        webAdmin.spec().get("/lookalike/allow").then().statusCode(200)
            .body("[0].domain", equalTo("partner.ml"))
            .body("[0].reason", equalTo("added through WebAdmin"))
            .body("[0].added", equalTo("2026-11-23T12:00:00Z"))
            .body("[0].expires", nullValue());

        webAdmin.spec().delete("/lookalike/allow/partner.ml").then().statusCode(200);
        webAdmin.spec().delete("/lookalike/allow/partner.ml").then().statusCode(404);
    }

    @Test
    void anEntryMayBeForAWhile() throws Exception {
        webAdmin.spec().put("/lookalike/allow/partner.ml?for=7d").then().statusCode(200).body("for", equalTo("PT168H"));

        webAdmin.spec().get("/lookalike/allow").then().body("[0].expires", equalTo("2026-11-30T12:00:00Z"));
        webAdmin.clock.advance(Duration.ofDays(8));
        org.assertj.core.api.Assertions.assertThat(webAdmin.registry.allowList().allowing("partner.ml")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"for=", "for=0d", "for=-1d", "for=soon", "until=7d", "for=1", "for=30"})
    void aBadDurationOrParameterIsRefused(String query) {
        webAdmin.spec().urlEncodingEnabled(false).put("/lookalike/allow/partner.ml?" + query).then().statusCode(400);

        webAdmin.spec().get("/lookalike/allow").then().body("size()", equalTo(0));
    }

    @Test
    void anInvalidDomainIsA400() {
        webAdmin.spec().put("/lookalike/allow/xn--zz").then().statusCode(400).body("message", containsString("xn--zz"));
    }
}
