package dev.lookalikeguard.james;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MailDateFormat;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.javax.MimeMultipartReport;
import org.apache.mailet.Mail;
import dev.lookalikeguard.state.RecipientVerdict;

/**
 * The RFC 3464 delivery status notification sent to the sender of a bounced mail: a plain-language
 * part naming each stopped recipient, what it resembles, why and what to do ("did you mean
 * j.doe@army.mil?"), the machine-readable delivery-status part, and the original headers or message.
 *
 * <p>Nothing taken from the original mail is copied into a header of the notice: the subject, display
 * names and addresses appear in the body only, so CR/LF or non-ASCII in them cannot inject headers.
 */
final class BounceNotice {
    private static final String CRLF = "\r\n";
    private static final Session SESSION = Session.getInstance(new Properties());

    private final GuardConfiguration configuration;

    BounceNotice(GuardConfiguration configuration) {
        this.configuration = configuration;
    }

    MimeMessage build(Mail original, Map<MailAddress, RecipientVerdict> stopped, MailAddress postmaster)
            throws MessagingException {
        MimeMultipartReport report = new MimeMultipartReport();
        report.setReportType("delivery-status");
        report.addBodyPart(humanPart(original, stopped, postmaster));
        report.addBodyPart(statusPart(original, stopped, postmaster));
        addOriginal(report, original);

        MimeMessage notice = new MimeMessage(SESSION);
        try {
            notice.setFrom(new InternetAddress(postmaster.asString(), "Mail Delivery System", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        original.getMaybeSender().asOptional()
            .ifPresent(sender -> setRecipient(notice, sender));
        notice.setSubject(subject(stopped), "UTF-8");
        notice.setSentDate(new Date());
        notice.setHeader("Auto-Submitted", "auto-replied");
        notice.setContent(report);
        notice.setHeader("Content-Type", report.getContentType());
        notice.saveChanges();
        return notice;
    }

    private static void setRecipient(MimeMessage notice, MailAddress sender) {
        try {
            notice.setRecipient(MimeMessage.RecipientType.TO, sender.toInternetAddress().orElseThrow());
        } catch (MessagingException | RuntimeException e) {
            // The envelope still carries the sender; the To header is a courtesy.
        }
    }

    static String subject(Map<MailAddress, RecipientVerdict> stopped) {
        if (stopped.size() == 1) {
            RecipientVerdict verdict = stopped.values().iterator().next();
            return verdict.suggestion().isEmpty()
                ? "Message not sent: the recipient address looks mistyped"
                : "Message not sent: did you mean " + verdict.suggestion() + "?";
        }
        return "Message not sent to " + stopped.size() + " recipients: the addresses look mistyped";
    }

    private MimeBodyPart humanPart(Mail original, Map<MailAddress, RecipientVerdict> stopped, MailAddress postmaster)
            throws MessagingException {
        StringBuilder text = new StringBuilder();
        text.append("Your message was NOT sent to the recipient address(es) below. Each one looks like a").append(CRLF)
            .append("mistyped copy of a protected address, and mail to such look-alike domains can be read").append(CRLF)
            .append("by whoever registered them, so this server stopped it before it left.").append(CRLF).append(CRLF);
        stopped.forEach((recipient, verdict) -> {
            text.append("  Recipient:     ").append(recipient.asString()).append(CRLF);
            if (!verdict.nearest().isEmpty()) {
                text.append("  Looks like:    ").append(verdict.nearest()).append(CRLF);
            }
            text.append("  Why:           ").append(verdict.explanation()).append(CRLF);
            if (!verdict.suggestion().isEmpty()) {
                text.append("  Did you mean:  ").append(recipient.getLocalPart()).append('@').append(verdict.suggestion())
                    .append(" ?").append(CRLF);
            }
            text.append(CRLF);
        });
        text.append("What to do:").append(CRLF)
            .append("- If you meant the suggested address, send your message again to that address.").append(CRLF)
            .append("- If the address you typed is really the right one, ask your mail administrator").append(CRLF)
            .append("  (").append(postmaster.asString()).append(") to allow it.").append(CRLF)
            .append("Any other recipients of your message were handled as usual.").append(CRLF);
        String subject = original.getMessage().getSubject();
        if (subject != null) {
            text.append(CRLF).append("Original subject: ").append(subject.replaceAll("[\\r\\n]+", " ")).append(CRLF);
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text.toString(), StandardCharsets.UTF_8.name());
        return part;
    }

    private MimeBodyPart statusPart(Mail original, Map<MailAddress, RecipientVerdict> stopped, MailAddress postmaster)
            throws MessagingException {
        StringBuilder status = new StringBuilder();
        status.append("Reporting-MTA: dns; ").append(postmaster.getDomain().asString()).append(CRLF);
        Date arrival = original.getLastUpdated() == null ? new Date() : original.getLastUpdated();
        status.append("Arrival-Date: ").append(new MailDateFormat().format(arrival)).append(CRLF);
        stopped.forEach((recipient, verdict) -> {
            status.append(CRLF);
            status.append("Final-Recipient: rfc822; ").append(ascii(recipient.asString())).append(CRLF);
            status.append("Action: failed").append(CRLF);
            status.append("Status: ").append(configuration.status()).append(CRLF);
            status.append("Diagnostic-Code: smtp; 550 ").append(configuration.status()).append(" recipient domain ")
                .append(ascii(verdict.domain()));
            if (!verdict.nearest().isEmpty()) {
                status.append(" looks like ").append(ascii(verdict.nearest()));
            }
            status.append(" (").append(ascii(verdict.technique())).append(')').append(CRLF);
        });
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(status.toString(), "message/delivery-status");
        part.setHeader("Content-Type", "message/delivery-status");
        part.setDescription("Delivery Status Notification");
        return part;
    }

    private void addOriginal(MimeMultipartReport report, Mail original) throws MessagingException {
        switch (configuration.attachment()) {
            case NONE:
                return;
            case MESSAGE:
                MimeBodyPart message = new MimeBodyPart();
                message.setContent(original.getMessage(), "message/rfc822");
                message.setDisposition("attachment");
                report.addBodyPart(message);
                return;
            default:
                StringBuilder headers = new StringBuilder();
                for (String line : Collections.list(original.getMessage().getAllHeaderLines())) {
                    headers.append(line).append(CRLF);
                }
                MimeBodyPart part = new MimeBodyPart();
                part.setContent(headers.toString(), "text/rfc822-headers");
                part.setHeader("Content-Type", "text/rfc822-headers");
                report.addBodyPart(part);
        }
    }

    /** Keeps a status field ASCII and on one line whatever the input. */
    private static String ascii(String value) {
        return value.replaceAll("[^\\x21-\\x7e ]", "?");
    }
}
