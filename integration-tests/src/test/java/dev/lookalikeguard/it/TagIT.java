package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.utils.TestIMAPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** action=tag (monitor mode): the mail goes out with a header naming what the recipient resembles. */
class TagIT {
    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.configured(james -> james.action("tag"));

    @Test
    void theLookalikeIsDeliveredWithTheHeaderAndTheOthersWithout() throws Exception {
        GuardServer james = GUARD.james();
        LoopbackReceiver receiver = GUARD.receiver();
        james.send("Monitor", "j.doe@army.ml", "ok@navy.mil");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.messages().size() == 2);
        MimeMessage tagged = receiver.deliveredTo("j.doe@army.ml").get(0);
        assertThat(MimeUtility.unfold(tagged.getHeader("X-Lookalike-Guard")[0]))
            .contains("j.doe@army.ml").contains("nearest=army.mil").contains("technique=suffix-edit");
        assertThat(receiver.deliveredTo("ok@navy.mil").get(0).getHeader("X-Lookalike-Guard")).isNull();
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", james.imapPort()).login(GuardServer.SENDER, GuardServer.PASSWORD).select("INBOX");
            assertThat(imap.getMessageCount("INBOX")).isZero();
        }
    }
}
