package dev.lookalikeguard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lookalikeguard.learn.LearningRule;
import io.restassured.http.ContentType;

class LearnedNamesRoutesTest {
    private GuardWebAdmin webAdmin;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
        webAdmin.registry.learning().enable(LearningRule.parse("2 days, 2 senders, 30 days idle"), "RecipientIsLookalike #1");
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    /** partner.com written to by two senders on two days (learned), other.org once (counting). */
    private void deliveries() {
        webAdmin.registry.learning().record("partner.com", "a@guard.test");
        webAdmin.registry.learning().record("other.org", "a@guard.test");
        webAdmin.clock.advance(Duration.ofDays(1));
        webAdmin.registry.learning().record("partner.com", "b@guard.test");
    }

    @Nested
    class Listing {

        @Test
        void listsEveryCountedDomainWithItsCountsAndWhetherItIsLearned() {
            deliveries();

            webAdmin.spec().get("/lookalike/learned").then().statusCode(200)
                .body("learning", equalTo("2 days, 2 senders, 30 days idle"))
                .body("learnedNow", equalTo(1))
                .body("total", equalTo(2))
                .body("names[0].domain", equalTo("other.org"))
                .body("names[0].status", equalTo("counting"))
                .body("names[0].learned", equalTo(false))
                .body("names[1].domain", equalTo("partner.com"))
                .body("names[1].status", equalTo("learned"))
                .body("names[1].pinned", equalTo(false))
                .body("names[1].recipients", equalTo(2))
                .body("names[1].days", equalTo(2))
                .body("names[1].senders", equalTo(2))
                .body("names[1].firstUse", equalTo("2026-11-23T12:00:00Z"))
                .body("names[1].lastUse", equalTo("2026-11-24T12:00:00Z"));
        }

        @Test
        void filtersByStatusAndPages() {
            deliveries();
            webAdmin.spec().put("/lookalike/learned/ally.int").then().statusCode(200);

            webAdmin.spec().get("/lookalike/learned?status=pinned").then().body("total", equalTo(1))
                .body("names[0].domain", equalTo("ally.int"));
            webAdmin.spec().get("/lookalike/learned?offset=1&limit=1").then().body("total", equalTo(3))
                .body("offset", equalTo(1)).body("limit", equalTo(1)).body("names", hasSize(1))
                .body("names[0].domain", equalTo("other.org"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"status=forgotten", "limit=0", "limit=1001", "offset=-1", "status=", "staus=pinned"})
        void aBadParameterIsA400(String query) {
            webAdmin.spec().urlEncodingEnabled(false).get("/lookalike/learned?" + query).then().statusCode(400);
        }

        @Test
        void getsOneOrAnswers404() {
            deliveries();

            webAdmin.spec().get("/lookalike/learned/Partner.COM").then().statusCode(200)
                .body("domain", equalTo("partner.com")).body("status", equalTo("learned"));
            webAdmin.spec().get("/lookalike/learned/nobody.com").then().statusCode(404)
                .body("message", containsString("nobody.com"));
        }
    }

    @Nested
    class PinAndForget {

        @Test
        void aPinnedNameIsLearnedAtOnceAndTheMatchersSeeIt() {
            webAdmin.spec().put("/lookalike/learned/lockheedmartin.com").then().statusCode(200)
                .body("status", equalTo("pinned")).body("learned", equalTo(true)).body("recipients", equalTo(0));

            assertThat(webAdmin.registry.learning().snapshot().names()).containsExactly("lockheedmartin.com");
        }

        @Test
        void aForgottenNameIsGoneAndMustBeLearnedAgain() {
            deliveries();

            webAdmin.spec().delete("/lookalike/learned/partner.com").then().statusCode(200)
                .body("forgotten", equalTo("partner.com"));

            assertThat(webAdmin.registry.learning().snapshot().names()).isEmpty();
            webAdmin.spec().get("/lookalike/learned/partner.com").then().statusCode(404);
            webAdmin.spec().delete("/lookalike/learned/partner.com").then().statusCode(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {"com", "co.uk", "xn--zz", "a..b"})
        void aPublicSuffixOrAnInvalidNameIsA400(String domain) {
            webAdmin.spec().urlEncodingEnabled(false).put("/lookalike/learned/" + domain).then().statusCode(400)
                .body("message", containsString(domain));

            assertThat(webAdmin.registry.learning().snapshot().names()).isEmpty();
        }
    }

    @Nested
    class SeedAndExport {

        @Test
        void aSeedPinsEveryDomainAndTheExportGivesThemBackInTheSameForm() {
            deliveries();

            webAdmin.spec().contentType(ContentType.JSON).body("[\"lockheedmartin.com\", \"BAESystems.com\", \"partner.com\"]")
                .post("/lookalike/learned").then().statusCode(200)
                .body("received", equalTo(3)).body("pinned", equalTo(3));

            List<String> exported = webAdmin.spec().get("/lookalike/learned/export").then().statusCode(200)
                .extract().jsonPath().getList("", String.class);
            assertThat(exported).containsExactly("baesystems.com", "lockheedmartin.com", "partner.com");
            assertThat(webAdmin.registry.learning().snapshot().names()).containsExactlyInAnyOrderElementsOf(exported);
        }

        @Test
        void theExportHoldsLearnedNamesNotTheOnesStillCounting() {
            deliveries();

            webAdmin.spec().get("/lookalike/learned/export").then().statusCode(200).body("", equalTo(List.of("partner.com")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "", "{\"domains\": [\"a.com\"]}", "[\"a.com\", \"com\"]", "[\"a.com\", \"xn--zz\"]",
            "[\"a.com\", null]", "not json"})
        void aBadSeedIsA400AndSeedsNothing(String body) {
            webAdmin.spec().contentType(ContentType.JSON).body(body).post("/lookalike/learned").then().statusCode(400);

            webAdmin.spec().get("/lookalike/learned").then().body("total", equalTo(0));
        }

        @Test
        void aRefusedSeedNamesTheBadDomains() {
            webAdmin.spec().contentType(ContentType.JSON).body("[\"partner.com\", \"gov.uk\"]").post("/lookalike/learned")
                .then().statusCode(400).body("message", containsString("'gov.uk' is a bare public suffix"))
                .body("message", containsString("learning it would make every name under it familiar"))
                .body("message", not(containsString("allow")))
                .body("message", containsString("nothing was seeded"));
        }

        @Test
        void aBareSuffixCannotBePinnedEither() {
            webAdmin.spec().put("/lookalike/learned/co.uk").then().statusCode(400)
                .body("message", containsString("'co.uk' is a bare public suffix"))
                .body("message", containsString("learning it would make every name under it familiar"));
        }
    }
}
