package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/** One SMTP session without authentication, from a chosen loopback address. */
final class SmtpSession implements AutoCloseable {
    private final SMTPClient client = new SMTPClient();

    static SmtpSession from(GuardServer server, String localAddress) throws Exception {
        SmtpSession session = new SmtpSession();
        session.client.connect(InetAddress.getByName("127.0.0.1"), server.smtpPort(), InetAddress.getByName(localAddress), 0);
        session.client.helo("outsider.example");
        return session;
    }

    /** MAIL FROM then RCPT TO; whether the recipient was accepted. */
    boolean rcpt(String recipient, String mailFrom) throws Exception {
        assertThat(client.setSender(mailFrom)).isTrue();
        return SMTPReply.isPositiveCompletion(client.rcpt("<" + recipient + ">"));
    }

    /** Whether MAIL FROM then RCPT TO are both accepted. */
    boolean accepted(String recipient, String mailFrom) throws Exception {
        return client.setSender(mailFrom) && SMTPReply.isPositiveCompletion(client.rcpt("<" + recipient + ">"));
    }

    void data(String from, String to, String subject) throws Exception {
        assertThat(client.sendShortMessageData("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
            + "\r\nX-Payload: visit http://spam.example\r\n\r\nhello\r\n")).isTrue();
    }

    @Override
    public void close() throws Exception {
        try {
            client.quit();
        } finally {
            client.disconnect();
        }
    }
}
