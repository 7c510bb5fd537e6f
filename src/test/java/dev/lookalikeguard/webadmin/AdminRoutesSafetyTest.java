package dev.lookalikeguard.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.RestAssured;

/** The admin routes refuse what is dangerous: a careless admin's typo must never release the quarantine. */
class AdminRoutesSafetyTest {
    private GuardWebAdmin webAdmin;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdmin.server).build();
        webAdmin.hold("colonel@guard.test", "a@army.ml", "army.mil");
        webAdmin.hold("colonel@guard.test", "b@navy.ml", "navy.mil");
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    private long released() throws Exception {
        return webAdmin.released();
    }

    @Nested
    class ReleasingEverything {

        @ParameterizedTest
        @ValueSource(strings = {"domian=army.mil", "sender=", "domain=", "domain=%20", "sender=&domain=", "all=yes", "all=",
            "processor=", "domain=xn--zz", "sender=colonel", "domain=army.mil&domain=navy.mil"})
        void aMistypedEmptyOrUnknownParameterIsRefusedAndReleasesNothing(String query) throws Exception {
            given().urlEncodingEnabled(false).post("/lookalike/quarantine/release?" + query)
                .then().statusCode(400);

            assertThat(released()).isZero();
        }

        @Test
        void noFilterAtAllIsRefused() throws Exception {
            given().post("/lookalike/quarantine/release")
                .then().statusCode(400).body("message", containsString("all=true"));

            assertThat(released()).isZero();
        }

        @Test
        void everythingNeedsAllTrue() throws Exception {
            given().post("/lookalike/quarantine/release?all=true").then().statusCode(200);

            assertThat(released()).isEqualTo(2);
        }

        @Test
        void aFilterReleasesOnlyWhatMatches() throws Exception {
            given().post("/lookalike/quarantine/release?domain=army.mil").then().statusCode(200);

            assertThat(released()).isEqualTo(1);
        }

        @Test
        void listingRefusesUnknownAndEmptyFiltersToo() {
            given().get("/lookalike/quarantine?domian=army.mil").then().statusCode(400);
            given().get("/lookalike/quarantine?sender=").then().statusCode(400);
        }
    }

    @Nested
    class AllowList {

        @ParameterizedTest
        @ValueSource(strings = {"ml", "ML", "gov.uk", "com", "co.uk", "mil", "army", "gouv.ml"})
        void aBarePublicSuffixOrTopLevelNameIsRefused(String domain) {
            given().put("/lookalike/allow/" + domain)
                .then().statusCode(400).body("message", containsString("public suffix"));

            given().get("/lookalike/allow").then().statusCode(200).body("size()", equalTo(0));
        }

        @Test
        void aRegistrableNameIsAllowed() {
            given().put("/lookalike/allow/partner.ml").then().statusCode(200);

            given().get("/lookalike/allow").then().statusCode(200).body("[0].domain", equalTo("partner.ml"));
        }
    }

    @Nested
    class Processors {

        @Test
        void aProcessorTheMailContainerHasNotIsRefusedAndTheMailStaysHeld() throws Exception {
            String key = given().get("/lookalike/quarantine").then().extract().path("mails[0].key");

            given().post("/lookalike/quarantine/release?all=true&processor=rooot")
                .then().statusCode(400).body("message", containsString("'processor': 'rooot'"))
                .body("message", containsString("expected one of relay, root, transport"));
            given().post("/lookalike/quarantine/" + key + "/release?processor=rooot").then().statusCode(400);

            assertThat(released()).isZero();
            given().get("/lookalike/quarantine").then().body("total", equalTo(2));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"bounces", "error"})
        void oneThatWritesToTheMailsSenderIsRefusedAndTheMailStaysHeld(String processor) throws Exception {
            String key = given().get("/lookalike/quarantine").then().extract().path("mails[0].key");

            given().post("/lookalike/quarantine/release?all=true&processor=" + processor)
                .then().statusCode(400).body("message", containsString("'processor': '" + processor + "' writes to the mail's sender"))
                .body("message", containsString("expected one of relay, root, transport"));
            given().post("/lookalike/quarantine/" + key + "/release?processor=" + processor).then().statusCode(400);

            assertThat(released()).isZero();
            given().get("/lookalike/quarantine").then().body("total", equalTo(2));
        }

        @Test
        void oneItHasIsReleasedInto() throws Exception {
            given().post("/lookalike/quarantine/release?all=true&processor=transport")
                .then().statusCode(200).body("processor", equalTo("transport"));

            assertThat(released()).isEqualTo(2);
        }
    }

    /**
     * While WebAdmin authentication is off, a page open in a browser that can reach WebAdmin must not be able to use
     * the guard's routes: a form post needs no CORS permission, and a page that points its own name at the loopback
     * address (DNS rebinding) is even same-origin. Browsers mark such requests (Origin, Sec-Fetch-Site).
     */
    @Nested
    class WebPages {

        @ParameterizedTest
        @ValueSource(strings = {"Origin: http://evil.example", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Site: same-origin",
            "Sec-Fetch-Site: same-site", "Origin: null", "Host: evil.example:8000", "Host: evil.example"})
        void cannotReleaseAllowOrReadWhileAuthenticationIsOff(String header) throws Exception {
            String[] parts = header.split(": ");

            given().header(parts[0], parts[1]).post("/lookalike/quarantine/release?all=true")
                .then().statusCode(403).body("message", containsString("authentication"));
            given().header(parts[0], parts[1]).put("/lookalike/allow/partner.ml").then().statusCode(403);
            given().header(parts[0], parts[1]).get("/lookalike/quarantine").then().statusCode(403);
            given().header(parts[0], parts[1]).get("/lookalike/remembered").then().statusCode(403);
            given().header(parts[0], parts[1]).delete("/lookalike/remembered/colonel@guard.test/army.ml").then().statusCode(403);

            assertThat(released()).isZero();
            given().get("/lookalike/allow").then().statusCode(200).body("size()", equalTo(0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "10.0.0.7:8000"})
        void aProgramNamingAnAddressOrLocalhostIsAnswered(String host) {
            given().header("Host", host).get("/lookalike/quarantine").then().statusCode(200).body("total", equalTo(2));
        }

        @Test
        void anAddressTheAdminTypedInTheBrowserIsAnswered() {
            given().header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate").get("/lookalike/quarantine")
                .then().statusCode(200).body("total", equalTo(2));
        }

        @Test
        void withAuthenticationOnAPageThatPresentedTheTokenIsAnswered() throws Exception {
            org.apache.james.webadmin.authentication.AuthenticationFilter tokenChecked = (request, response) -> { };
            try (GuardWebAdmin authenticated = new GuardWebAdmin(java.util.List.of(GuardWebAdmin.QUARANTINE), tokenChecked)) {
                authenticated.hold("colonel@guard.test", "a@army.ml", "army.mil");

                given().spec(authenticated.spec()).header("Origin", "https://admin.example.gov")
                    .post("/lookalike/quarantine/release?all=true").then().statusCode(200);

                assertThat(authenticated.released()).isEqualTo(1);
            }
        }
    }

    @Nested
    class Paging {

        @Test
        void anOffsetNearTheLargestIntegerIsAnEmptyPageNotAnOverflow() {
            given().get("/lookalike/quarantine?limit=500&offset=2147483647")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("mails.size()", equalTo(0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"limit=abc", "limit=0", "limit=501", "offset=-1", "offset=99999999999", "limit=1e3"})
        void aBadNumberIsA400ThatNamesItWithoutInternalText(String query) {
            given().get("/lookalike/quarantine?" + query)
                .then().statusCode(400)
                .body("message", containsString(query.substring(0, query.indexOf('='))))
                .body(not(containsString("Exception")))
                .body(not(containsString("For input string")))
                .body("details", org.hamcrest.Matchers.nullValue());
        }
    }

    @Nested
    class Failures {

        @Test
        void aStoreThatFailsIsA500WithoutItsInternalText() throws Exception {
            try (GuardWebAdmin broken = new GuardWebAdmin(java.util.List.of(MailRepositoryUrl.from("broken://var/mail/quarantine/")))) {
                given().spec(broken.spec())
                    .get("/lookalike/quarantine")
                    .then().statusCode(500)
                    .body("message", containsString("reference"))
                    .body(not(containsString("broken")))
                    .body(not(containsString("Exception")))
                    .body("details", org.hamcrest.Matchers.nullValue());
            }
        }
    }
}
