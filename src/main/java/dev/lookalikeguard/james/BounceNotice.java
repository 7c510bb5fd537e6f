package dev.lookalikeguard.james;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
        report.addBodyPart(humanPart(stopped, values(original, stopped, postmaster)));
        report.addBodyPart(statusPart(original, stopped, postmaster));
        addOriginal(report, original);

        MimeMessage notice = new MimeMessage(SESSION);
        Map<String, String> values = values(original, stopped, postmaster);
        try {
            notice.setFrom(new InternetAddress(postmaster.asString(), configuration.notice().fromName(values), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        original.getMaybeSender().asOptional()
            .ifPresent(sender -> setRecipient(notice, sender));
        boolean oneWithSuggestion = stopped.size() == 1 && stopped.values().iterator().next().suggestion().isPresent();
        notice.setSubject(configuration.notice().subject(values, oneWithSuggestion), "UTF-8");
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

    /** The values of the notice's global placeholders. */
    private static Map<String, String> values(Mail original, Map<MailAddress, RecipientVerdict> stopped, MailAddress postmaster)
            throws MessagingException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("count", String.valueOf(stopped.size()));
        values.put("postmaster", postmaster.asString());
        String subject = original.getMessage().getSubject();
        values.put("subject", subject == null ? "" : subject.replaceAll("[\\r\\n]+", " "));
        values.put("suggestion", stopped.size() == 1 ? stopped.values().iterator().next().suggestion().orElse("") : "");
        return values;
    }

    private MimeBodyPart humanPart(Map<MailAddress, RecipientVerdict> stopped, Map<String, String> values)
            throws MessagingException {
        List<Map<String, String>> recipients = new ArrayList<>();
        stopped.forEach((recipient, verdict) -> recipients.add(NoticeTemplate.recipientValues(recipient, verdict)));
        MimeBodyPart part = new MimeBodyPart();
        part.setText(configuration.notice().body(values, recipients), StandardCharsets.UTF_8.name());
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
            verdict.nearest().ifPresent(nearest -> status.append(" looks like ").append(ascii(nearest)));
            status.append(" (").append(ascii(verdict.techniquesText())).append(')').append(CRLF);
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
