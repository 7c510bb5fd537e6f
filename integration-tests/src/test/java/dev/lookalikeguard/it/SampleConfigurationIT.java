package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample configuration is secure by default: nobody relays without authenticating except processes
 * on 127.0.0.1 itself, and an authenticated user cannot send as someone else. The confirm flow depends
 * on both: its notice, with the release token, goes to MAIL FROM.
 */
class SampleConfigurationIT {
    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.configured(james -> james.users("major@guard.test"));

    private static GuardServer james;

    @BeforeAll
    static void server() {
        james = GUARD.james();
    }

    @Test
    void anAuthenticatedUserCannotUseAnotherUsersAddressAsSender() throws Exception {
        AuthenticatingSMTPClient client = new AuthenticatingSMTPClient();
        client.connect("127.0.0.1", james.smtpPort());
        try {
            client.ehlo("client.guard.test");
            assertThat(client.auth(AuthenticatingSMTPClient.AUTH_METHOD.PLAIN, "major@guard.test", GuardServer.PASSWORD))
                .isTrue();
            client.setSender(GuardServer.SENDER);
            int reply = client.rcpt("<j.doe@army.ml>");

            assertThat(SMTPReply.isPositiveCompletion(reply)).as("RCPT after MAIL FROM another user: %s",
                client.getReplyString()).isFalse();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void anUnauthenticatedClientOnAnotherLoopbackAddressCannotRelay() throws Exception {
        AuthenticatingSMTPClient client = new AuthenticatingSMTPClient();
        client.connect(InetAddress.getByName("127.0.0.1"), james.smtpPort(), InetAddress.getByName("127.0.0.2"), 0);
        try {
            client.helo("outsider.example");
            client.setSender("someone@example.org");
            int reply = client.rcpt("<j.doe@army.ml>");

            assertThat(SMTPReply.isPositiveCompletion(reply)).as("relay from 127.0.0.2 without AUTH: %s",
                client.getReplyString()).isFalse();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void anUnauthenticatedClientOn127001StillRelaysAsTheLocalSubmissionPath() throws Exception {
        AuthenticatingSMTPClient client = new AuthenticatingSMTPClient();
        client.connect("127.0.0.1", james.smtpPort());
        try {
            client.helo("localhost");
            client.setSender(GuardServer.SENDER);

            assertThat(SMTPReply.isPositiveCompletion(client.rcpt("<ok@navy.mil>"))).isTrue();
        } finally {
            client.disconnect();
        }
    }
}
