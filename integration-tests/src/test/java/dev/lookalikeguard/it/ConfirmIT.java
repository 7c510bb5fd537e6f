package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.lookalikeguard.state.ReleaseToken;

/**
 * action=confirm on a real James: the sender releases held mail by an authenticated reply carrying a
 * one-time token; every other attempt is refused and the mail stays held; unconfirmed mail comes back.
 */
class ConfirmIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
    private static final String RELEASE = "lookalike-release@guard.test";
    private static final String OTHER = "major@guard.test";
    private static final String SECRET = "<confirmSecret>0123456789abcdef0123456789abcdef</confirmSecret>"
        + "<confirmAddress>" + RELEASE + "</confirmAddress>";
    private static final Pattern TOKEN = Pattern.compile("\\[release ([a-z0-9.+\\-]+)\\]");

    @RegisterExtension
    final GuardExtension<LoopbackReceiver> guard = GuardExtension.startedByTheTest();

    private LoopbackReceiver receiver;
    private GuardServer james;

    private void start(String parameters) throws Exception {
        receiver = guard.receiver();
        james = guard.start(sample -> sample.confirm(SECRET + parameters).users(RELEASE, OTHER));
    }

    @Nested
    class Releasing {

        @Test
        void anAuthenticatedReplyFromTheSenderReleasesTheMailOnceForThatRecipientOnly() throws Exception {
            start("<remember>1h</remember>");
            james.send("Travel plans", "j.doe@army.ml", "k.roe@navy.ml", "ok@navy.mil");
            AWAIT.until(() -> tokens().size() == 2);
            AWAIT.until(() -> receiver.deliveredTo("ok@navy.mil").size() == 1);
            String armyToken = tokenFor("army.mil");

            reply(GuardServer.SENDER, GuardServer.SENDER, true, armyToken);

            AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 1);
            AWAIT.until(() -> subjects().stream().anyMatch(s -> s.startsWith("Released: your message to j.doe@army.ml")));
            Settle.holdsFor(Duration.ofSeconds(1), () -> assertThat(receiver.deliveredTo("j.doe@army.ml")).hasSize(1));
            assertThat(receiver.deliveredTo("k.roe@navy.ml")).isEmpty();
            assertThat(heldRecipients()).containsExactly("k.roe@navy.ml");

            reply(GuardServer.SENDER, GuardServer.SENDER, true, armyToken);
            AWAIT.until(() -> subjects().contains("Not released: the message is no longer held (already released, returned to you or deleted), "
                + "or the token is not one of this server's"));
            assertThat(receiver.deliveredTo("j.doe@army.ml")).hasSize(1);

            james.send("Again", "j.doe@army.ml");
            AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 2);
        }

        @Test
        void everyOtherAttemptIsRefusedAndTheMailStaysHeld() throws Exception {
            start("");
            james.send("Orders", "j.doe@army.ml");
            AWAIT.until(() -> tokens().size() == 1);
            String token = tokens().get(0);
            String tampered = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");

            try (LogCapture log = LogCapture.of(dev.lookalikeguard.james.LookalikeRelease.class)) {
                reply(GuardServer.SENDER, GuardServer.SENDER, true, tampered);
                reply(GuardServer.SENDER, GuardServer.SENDER, false, token);
                reply(OTHER, OTHER, true, token);
                assertThatThrownBy(() -> reply(OTHER, GuardServer.SENDER, true, token))
                    .as("verifyIdentity: authenticated as someone else, MAIL FROM the original sender is refused by SMTP")
                    .hasMessageContaining("503");

                AWAIT.until(() -> subjects().contains("Not released: the token does not match the held message it names"));
                AWAIT.until(() -> otherUsersSubjects().contains("Not released: the reply does not come from the original sender"));
                AWAIT.until(() -> log.count("action=self-release-dropped") == 1);
                Settle.settle(() -> List.of(subjects(), otherUsersSubjects(), log.lines().size()));
                assertThat(log.lines()).filteredOn(line -> line.contains("action=self-release-dropped"))
                    .as("unauthenticated: no answer at all").singleElement().asString().contains("not authenticated");
            }
            assertThat(subjects()).noneMatch(s -> s.contains("not authenticated"));
            assertThat(receiver.deliveredTo("j.doe@army.ml")).isEmpty();
            assertThat(heldRecipients()).containsExactly("j.doe@army.ml");

            reply(GuardServer.SENDER, GuardServer.SENDER, true, token);
            AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 1);
        }

        @Test
        void noSelfReleaseForLookalikesOfNamesTheAdminExcluded() throws Exception {
            start("<noConfirm>defense.gov</noConfirm>");
            james.send("Budget", "x@defnese.gov", "j.doe@army.ml");

            AWAIT.until(() -> tokens().size() == 1);
            Settle.holdsFor(Duration.ofSeconds(1), () -> assertThat(tokens()).hasSize(1));
            assertThat(subjects()).noneMatch(s -> s.contains("defense.gov") && s.contains("[release"));
            assertThat(heldRecipients()).containsExactlyInAnyOrder("x@defnese.gov", "j.doe@army.ml");
        }
    }

    @Nested
    class Expiry {

        @Test
        void anExpiredTokenIsRefused() throws Exception {
            start("<confirmExpiry>2s</confirmExpiry><heldExpiry>1h</heldExpiry>");
            james.send("Late", "j.doe@army.ml");
            AWAIT.until(() -> tokens().size() == 1);
            Instant expires = ReleaseToken.in("[release " + tokens().get(0) + "]").orElseThrow().expires();
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expires));

            reply(GuardServer.SENDER, GuardServer.SENDER, true, tokens().get(0));

            AWAIT.until(() -> subjects().contains("Not released: the token has expired"));
            assertThat(heldRecipients()).containsExactly("j.doe@army.ml");
            assertThat(receiver.deliveredTo("j.doe@army.ml")).isEmpty();
        }

        @Test
        void heldMailStillExpiresAfterARestartThatLostTheQueue() throws Exception {
            start("<heldExpiry>10s</heldExpiry>");
            james.send("Before restart", "j.doe@army.ml");
            AWAIT.until(() -> tokens().size() == 1);

            james = guard.restart();

            assertThat(heldRecipients()).containsExactly("j.doe@army.ml");
            AWAIT.until(() -> subjects().contains("Message not sent: did you mean army.mil?"));
            AWAIT.until(() -> heldRecipients().isEmpty());
            assertThat(receiver.deliveredTo("j.doe@army.ml")).isEmpty();
        }

        @Test
        void mailNobodyConfirmsIsReturnedToItsSender() throws Exception {
            start("<heldExpiry>3s</heldExpiry>");
            james.send("Unconfirmed", "j.doe@army.ml");
            AWAIT.until(() -> tokens().size() == 1);

            AWAIT.until(() -> subjects().contains("Message not sent: did you mean army.mil?"));
            AWAIT.until(() -> heldRecipients().isEmpty());
            assertThat(receiver.deliveredTo("j.doe@army.ml")).isEmpty();
        }
    }

    private void reply(String login, String mailFrom, boolean authenticate, String token) throws Exception {
        try (SMTPMessageSender sender = new SMTPMessageSender("guard.test")) {
            sender.connect("127.0.0.1", Port.of(james.smtpPort()));
            if (authenticate) {
                sender.authenticate(login, GuardServer.PASSWORD);
            }
            sender.sendMessageWithHeaders(mailFrom, List.of(RELEASE), "From: " + mailFrom + "\r\nTo: " + RELEASE
                + "\r\nSubject: Re: Message held [release " + token + "]\r\n\r\nyes, I meant it\r\n");
        }
    }

    private List<String> tokens() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String subject : subjects()) {
            Matcher matcher = TOKEN.matcher(subject);
            if (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }

    private String tokenFor(String nearest) throws Exception {
        for (String subject : subjects()) {
            Matcher matcher = TOKEN.matcher(subject);
            if (subject.contains(nearest) && matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no release notice mentioning " + nearest + " in " + subjects());
    }

    private List<String> subjects() throws Exception {
        return subjectsOf(GuardServer.SENDER);
    }

    private List<String> otherUsersSubjects() throws Exception {
        return subjectsOf(OTHER);
    }

    private List<String> subjectsOf(String user) throws Exception {
        return Inbox.read(james, user).stream().map(note -> note.subject).collect(Collectors.toList());
    }

    private List<String> heldRecipients() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode mail : james.webAdmin("GET", "/lookalike/quarantine").get("mails")) {
            mail.get("recipients").forEach(r -> recipients.add(r.get("address").asText()));
        }
        return recipients;
    }
}
