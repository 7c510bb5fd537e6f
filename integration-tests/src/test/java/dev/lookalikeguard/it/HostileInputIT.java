package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Odd and hostile recipient forms through SMTP to a real James: each recipient is either refused at
 * RCPT (the client is told) or ends delivered or bounced, exactly once; look-alikes never leave.
 */
class HostileInputIT {

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.sample();

    private static GuardServer james;
    private static LoopbackReceiver receiver;

    @BeforeAll
    static void server() {
        james = GUARD.james();
        receiver = GUARD.receiver();
    }

    /** Recipient as typed in RCPT TO, local part used to find it, whether it is a look-alike. */
    private static final Object[][] CASES = {
        {"<h1@ARMY.ML>", "h1", true},
        {"<h2@Army.Mil>", "h2", false},
        {"<h3@army.ml.>", "h3", true},
        {"<h4@xn--rmy-5cd.mil>", "h4", true},
        {"<h5@xn--zz.mil>", "h5", false},
        {"<h6@[127.0.0.1]>", "h6", false},
        {"<\"h7 quoted\"@army.ml>", "\"h7 quoted\"", true},
        {"<h8%army.ml@example.com>", "h8%army.ml", false},
        {"<@relay.example:h9@army.ml>", "h9", true},
        {"<h10@" + "a".repeat(64) + ".mil>", "h10", false},
        {"<h11@" + "abcdefghi.".repeat(26) + "mil>", "h11", false},
        {"<h12@defnese.gov>", "h12", true},
    };

    @Test
    void everyOddRecipientIsRefusedDeliveredOrBouncedExactlyOnce() throws Exception {
        Map<String, Integer> accepted = new LinkedHashMap<>();
        for (Object[] c : CASES) {
            int reply = sendOne((String) c[0]);
            accepted.put((String) c[0], reply);
        }
        List<String> lookalikesAccepted = new ArrayList<>();
        for (Object[] c : CASES) {
            if (SMTPReply.isPositiveCompletion(accepted.get(c[0])) && (Boolean) c[2]) {
                lookalikesAccepted.add((String) c[1]);
            }
        }
        Settle.settleAfter(() -> bounced().size() >= lookalikesAccepted.size(), Duration.ofSeconds(30),
            () -> List.of(bounced(), receiver.messages().size()), Duration.ofMillis(1500));
        Map<String, Integer> bounced = bounced();

        List<String> problems = new ArrayList<>();
        for (Object[] c : CASES) {
            String rcpt = (String) c[0];
            String local = (String) c[1];
            boolean lookalike = (Boolean) c[2];
            int reply = accepted.get(rcpt);
            int delivered = receiver.deliveredToLocalPart(local);
            int bounces = bounced.entrySet().stream().filter(e -> e.getKey().startsWith(local + "@"))
                .mapToInt(Map.Entry::getValue).sum();
            System.out.printf("HostileInputIT: RCPT TO:%s -> %d; delivered %d, bounced %d%n", rcpt, reply, delivered, bounces);
            if (!SMTPReply.isPositiveCompletion(reply)) {
                if (delivered + bounces != 0) {
                    problems.add(rcpt + " refused at RCPT but delivered " + delivered + ", bounced " + bounces);
                }
            } else if (lookalike && (bounces != 1 || delivered != 0)) {
                problems.add(rcpt + " (look-alike) delivered " + delivered + ", bounced " + bounces);
            } else if (!lookalike && delivered + bounces != 1) {
                problems.add(rcpt + " delivered " + delivered + ", bounced " + bounces);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(lookalikesAccepted).as("look-alike forms James accepts").contains("h1", "h4", "h12");
    }

    @Test
    void hundredsOfRecipientsInOneMailAreEachHandledOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            recipients.add("<many" + i + "@example.org>");
            recipients.add("<many" + i + "@army.ml>");
        }
        assertThat(SMTPReply.isPositiveCompletion(send(recipients))).isTrue();

        Settle.settleAfter(() -> receiver.deliveredToLocalPartPrefix("many") >= 150, Duration.ofSeconds(60),
            () -> List.of(bounced(), receiver.messages().size()), Duration.ofMillis(1500));
        Map<String, Integer> bounced = bounced();
        for (int i = 0; i < 150; i++) {
            assertThat(receiver.deliveredTo("many" + i + "@example.org")).as("many" + i + "@example.org").hasSize(1);
            assertThat(receiver.deliveredTo("many" + i + "@army.ml")).isEmpty();
            assertThat(bounced.getOrDefault("many" + i + "@army.ml", 0)).as("many" + i + "@army.ml bounced").isEqualTo(1);
        }
    }

    private static int sendOne(String rcpt) throws Exception {
        return send(List.of(rcpt));
    }

    /** Sends one mail; returns the worst RCPT reply code (the mail is sent if any recipient was accepted). */
    private static int send(List<String> rcpts) throws Exception {
        SMTPClient client = new SMTPClient();
        client.connect("127.0.0.1", james.smtpPort());
        try {
            client.helo("guard.test");
            client.mail("<" + GuardServer.SENDER + ">");
            int worst = 250;
            boolean any = false;
            for (String rcpt : rcpts) {
                int reply = client.rcpt(rcpt);
                if (SMTPReply.isPositiveCompletion(reply)) {
                    any = true;
                } else {
                    worst = reply;
                }
            }
            if (any) {
                java.io.Writer writer = client.sendMessageData();
                assertThat(writer).as("DATA accepted").isNotNull();
                writer.write("From: " + GuardServer.SENDER + "\r\nTo: undisclosed-recipients:;\r\nSubject: odd\r\n\r\nbody\r\n");
                writer.close();
                assertThat(client.completePendingCommand()).as("message accepted").isTrue();
            }
            return any ? 250 : worst;
        } finally {
            client.quit();
            client.disconnect();
        }
    }

    private static Map<String, Integer> bounced() throws Exception {
        return SenderSide.bouncedRecipients(james);
    }
}
