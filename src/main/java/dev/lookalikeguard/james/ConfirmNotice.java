package dev.lookalikeguard.james;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

import dev.lookalikeguard.state.RecipientVerdict;

/**
 * The notice of action=confirm: one per held recipient, replying to the release address, with the
 * one-time token in the subject (added here, so no template can lose it).
 */
final class ConfirmNotice {
    private static final Session SESSION = Session.getInstance(new Properties());

    private ConfirmNotice() {
    }

    static MimeMessage build(NoticeTemplate template, Mail original, MailAddress recipient, RecipientVerdict verdict,
                             String token, MailAddress releaseAddress, MailAddress postmaster, Duration heldExpiry)
            throws MessagingException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("count", "1");
        values.put("postmaster", postmaster.asString());
        String subject = original.getMessage().getSubject();
        values.put("subject", subject == null ? "" : subject.replaceAll("[\\r\\n]+", " "));
        values.put("suggestion", verdict.suggestion().orElse(""));
        values.put("expiry", describe(heldExpiry));
        values.put("release_address", releaseAddress.asString());
        Map<String, String> block = NoticeTemplate.recipientValues(recipient, verdict);
        MimeMessage notice = new MimeMessage(SESSION);
        try {
            notice.setFrom(new InternetAddress(postmaster.asString(), template.fromName(values), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        original.getMaybeSender().asOptional().flatMap(MailAddress::toInternetAddress)
            .ifPresent(sender -> setTo(notice, sender));
        notice.setReplyTo(new InternetAddress[] {releaseAddress.toInternetAddress().orElseThrow()});
        notice.setSubject(template.subject(values, verdict.suggestion().isPresent()) + " [release " + token + "]", "UTF-8");
        notice.setSentDate(new Date());
        notice.setHeader("Auto-Submitted", "auto-replied");
        notice.setText(template.body(values, List.of(block)), StandardCharsets.UTF_8.name());
        notice.saveChanges();
        return notice;
    }

    /** A short notice answering a release request. */
    static MimeMessage answer(MailAddress postmaster, MailAddress to, String subject, String text) throws MessagingException {
        MimeMessage answer = new MimeMessage(SESSION);
        answer.setFrom(postmaster.toInternetAddress().orElseThrow());
        to.toInternetAddress().ifPresent(address -> setTo(answer, address));
        answer.setSubject(subject, "UTF-8");
        answer.setSentDate(new Date());
        answer.setHeader("Auto-Submitted", "auto-replied");
        answer.setText(text, StandardCharsets.UTF_8.name());
        answer.saveChanges();
        return answer;
    }

    private static void setTo(MimeMessage message, InternetAddress to) {
        try {
            message.setRecipient(MimeMessage.RecipientType.TO, to);
        } catch (MessagingException e) {
            // the envelope carries the recipient; the header is a courtesy
        }
    }

    static String describe(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 86400 == 0) {
            return seconds / 86400 + " day(s)";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " hour(s)";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " minute(s)";
        }
        return seconds + " second(s)";
    }
}
