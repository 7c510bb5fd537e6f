package dev.lookalikeguard.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;

/** The local sender's view of a test server: sending many mails at once, and reading the notices back. */
public final class SenderSide {
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("Final-Recipient: rfc822; ([^\\r\\n]+)");

    private SenderSide() {
    }

    /**
     * Sends {@code mails} mails from the local sender over {@code connections} concurrent SMTP
     * connections; mail {@code i} goes to {@code recipients.apply(i)}.
     */
    public static void sendConcurrently(GuardServer james, int connections, int mails, IntFunction<List<String>> recipients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                done.add(pool.submit(() -> {
                    try (SMTPMessageSender sender = new SMTPMessageSender(GuardServer.DOMAIN)) {
                        sender.connect("127.0.0.1", Port.of(james.smtpPort()));
                        for (int i = connection; i < mails; i += connections) {
                            sender.sendMessageWithHeaders(GuardServer.SENDER, recipients.apply(i), "From: "
                                + GuardServer.SENDER + "\r\nTo: team@example.com\r\nSubject: load " + i + "\r\n\r\nBody " + i + "\r\n");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every recipient named as stopped in the notices of the sender's inbox (lower case), and how often. */
    public static Map<String, Integer> bouncedRecipients(GuardServer james) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", james.imapPort()).login(GuardServer.SENDER, GuardServer.PASSWORD).select("INBOX");
            if (imap.getMessageCount("INBOX") == 0) {
                return counts;
            }
            Matcher matcher = FINAL_RECIPIENT.matcher(imap.sendCommand("FETCH 1:* (BODY.PEEK[2])"));
            while (matcher.find()) {
                counts.merge(matcher.group(1).strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return counts;
    }
}
