package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.common.io.BaseEncoding;

/**
 * With WebAdmin's JWT authentication on (as the README shows), the extension's routes, and so the
 * quarantine and the allow-list, need an admin token.
 */
class WebAdminAuthenticationIT {
    private static final KeyPair KEYS = keys();

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.configured(james -> james
        .confFile("jwt_publickey", "-----BEGIN PUBLIC KEY-----\n"
            + BaseEncoding.base64().withSeparator("\n", 64).encode(KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n")
        .webAdminProperties("jwt.enabled=true\njwt.publickeypem.url=file://conf/jwt_publickey\n"));

    private static GuardServer james;

    @BeforeAll
    static void server() {
        james = GUARD.james();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theGuardsRoutesRefuseRequestsWithoutAnAdminToken() throws Exception {
        assertThat(james.webAdminResponse("GET", "/lookalike/quarantine").statusCode()).isEqualTo(401);
        assertThat(james.webAdminResponse("PUT", "/lookalike/allow/army.ml").statusCode()).isEqualTo(401);
        assertThat(james.webAdminResponse("GET", "/lookalike/quarantine", bearer(token(false))).statusCode()).isEqualTo(401);
        assertThat(james.webAdminResponse("GET", "/lookalike/allow", bearer(token(false))).statusCode()).isEqualTo(401);
        for (String[] learned : new String[][] {{"GET", "/lookalike/learned"}, {"GET", "/lookalike/learned/export"},
            {"GET", "/lookalike/learned/partner.com"}, {"PUT", "/lookalike/learned/partner.com"},
            {"DELETE", "/lookalike/learned/partner.com"}, {"POST", "/lookalike/learned"}}) {
            assertThat(james.webAdminResponse(learned[0], learned[1]).statusCode()).as(String.join(" ", learned)).isEqualTo(401);
            assertThat(james.webAdminResponse(learned[0], learned[1], bearer(token(false))).statusCode())
                .as(String.join(" ", learned)).isEqualTo(401);
        }
    }

    @Test
    void anAdminTokenOpensThem() throws Exception {
        assertThat(james.webAdminResponse("GET", "/lookalike/quarantine", bearer(token(true))).statusCode()).isEqualTo(200);
        assertThat(james.webAdminResponse("GET", "/lookalike/check?address=j@army.ml", bearer(token(true))).body())
            .contains("\"verdict\":\"lookalike\"");
        assertThat(james.webAdminResponse("GET", "/lookalike/learned", bearer(token(true))).statusCode()).isEqualTo(200);
        Map<String, String> fromAPage = new java.util.HashMap<>(bearer(token(true)));
        fromAPage.put("Origin", "https://admin.guard.test");
        assertThat(james.webAdminResponse("GET", "/lookalike/quarantine", fromAPage).statusCode())
            .as("with authentication on, a page that presents the admin's token is answered").isEqualTo(200);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** An RS256 JSON Web Token, signed with the test key, with or without the admin claim. */
    private static String token(boolean admin) throws Exception {
        BaseEncoding url = BaseEncoding.base64Url().omitPadding();
        String header = url.encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encode(("{\"sub\":\"admin@guard.test\",\"admin\":" + admin + ",\"iat\":"
            + (System.currentTimeMillis() / 1000) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(KEYS.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + url.encode(signature.sign());
    }
}
