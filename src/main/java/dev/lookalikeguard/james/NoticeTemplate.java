package dev.lookalikeguard.james;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;

/**
 * The text of the sender's notice: a from name, two subject lines, a body and a block repeated per
 * stopped recipient, with {@code {placeholders}}. Built in: English ({@code en}) and French ({@code fr});
 * an admin's file in the same format replaces them (see {@code notice-en.txt}). Parsed and checked once,
 * at start-up; immutable.
 */
final class NoticeTemplate {
    static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Set<String> GLOBAL = Set.of("count", "postmaster", "subject", "expiry", "release_address");
    private static final Set<String> SUBJECT = Set.of("count", "postmaster", "subject", "suggestion", "expiry");
    private static final Set<String> BODY = Set.of("count", "postmaster", "subject", "recipients", "expiry", "release_address");
    private static final Set<String> RECIPIENT = Set.of("count", "postmaster", "subject", "recipient", "domain", "nearest",
        "suggestion", "suggested_address", "technique", "score", "explanation", "expiry", "release_address");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

    private final String fromName;
    private final String subject;
    private final String subjectOther;
    private final List<String> body;
    private final List<String> recipient;

    private NoticeTemplate(String fromName, String subject, String subjectOther, List<String> body, List<String> recipient) {
        this.fromName = fromName;
        this.subject = subject;
        this.subjectOther = subjectOther;
        this.body = List.copyOf(body);
        this.recipient = List.copyOf(recipient);
    }

    static NoticeTemplate builtIn(String language) throws MessagingException {
        return builtIn("notice", language);
    }

    /** A built-in template: {@code kind} is notice (bounce) or confirm. */
    static NoticeTemplate builtIn(String kind, String language) throws MessagingException {
        String name = kind + "-" + language + ".txt";
        try (InputStream in = NoticeTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new MessagingException("no built-in " + kind + " notice for language '" + language + "'");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + name);
        } catch (IOException e) {
            throw new MessagingException("cannot read the built-in notice for '" + language + "'", e);
        }
    }

    static NoticeTemplate fromFile(Path file) throws MessagingException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new MessagingException("'" + file + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses a template; the message of a failure names the source and what is wrong. */
    static NoticeTemplate parse(String text, String source) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        List<String> recipient = new ArrayList<>();
        List<String> section = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.strip().equals("--- body ---")) {
                section = body;
            } else if (line.strip().equals("--- recipient ---")) {
                section = recipient;
            } else if (section != null) {
                section.add(line);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new MessagingException(source + ": line '" + line + "' is not 'name: value' before '--- body ---'");
                }
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        for (String required : List.of("from-name", "subject", "subject-other")) {
            if (!headers.containsKey(required) || headers.get(required).isEmpty()) {
                throw new MessagingException(source + ": '" + required + ":' is missing");
            }
        }
        if (body.isEmpty() || recipient.isEmpty()) {
            throw new MessagingException(source + ": needs a '--- body ---' and a '--- recipient ---' section");
        }
        if (body.stream().noneMatch(line -> line.contains("{recipients}"))) {
            throw new MessagingException(source + ": the body must contain {recipients}");
        }
        check(source, "subject", List.of(headers.get("subject"), headers.get("subject-other")), SUBJECT);
        check(source, "from-name", List.of(headers.get("from-name")), GLOBAL);
        check(source, "body", body, BODY);
        check(source, "recipient block", recipient, RECIPIENT);
        return new NoticeTemplate(headers.get("from-name"), headers.get("subject"), headers.get("subject-other"),
            withoutFinalNewline(body), withoutFinalNewline(recipient));
    }

    private static void check(String source, String where, List<String> lines, Set<String> allowed) throws MessagingException {
        for (String line : lines) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            while (matcher.find()) {
                if (!allowed.contains(matcher.group(1))) {
                    throw new MessagingException(source + ": unknown placeholder {" + matcher.group(1) + "} in the " + where
                        + "; allowed there: " + new java.util.TreeSet<>(allowed));
                }
            }
        }
    }

    /** The section's lines as written; only the empty string left by the file's final newline is dropped. */
    private static List<String> withoutFinalNewline(List<String> lines) {
        List<String> result = new ArrayList<>(lines);
        if (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1);
        }
        return result;
    }

    /** The values of a recipient block's placeholders. */
    static Map<String, String> recipientValues(org.apache.james.core.MailAddress recipient,
                                               dev.lookalikeguard.state.RecipientVerdict verdict) {
        Map<String, String> block = new LinkedHashMap<>();
        block.put("recipient", recipient.asString());
        block.put("domain", verdict.domain());
        block.put("nearest", verdict.nearest().orElse(""));
        block.put("suggestion", verdict.suggestion().orElse(""));
        block.put("suggested_address", verdict.suggestion().map(name -> recipient.getLocalPart() + "@" + name).orElse(""));
        block.put("technique", verdict.techniques().isEmpty() ? "" : verdict.techniquesText());
        block.put("score", String.valueOf(verdict.score()));
        block.put("explanation", verdict.explanation());
        return block;
    }

    String fromName(Map<String, String> values) {
        return fill(fromName, values);
    }

    /** The subject: the one-recipient form when there is one recipient with a suggestion. */
    String subject(Map<String, String> values, boolean oneWithSuggestion) {
        return fill(oneWithSuggestion ? subject : subjectOther, values).replaceAll("[\\r\\n]+", " ");
    }

    /** The body, with the recipient block, as written, once per entry of {@code recipients}. */
    String body(Map<String, String> values, List<Map<String, String>> recipients) {
        StringBuilder blocks = new StringBuilder();
        for (Map<String, String> recipientValues : recipients) {
            Map<String, String> all = new LinkedHashMap<>(values);
            all.putAll(recipientValues);
            lines(recipient, all, blocks);
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("recipients", blocks.toString().replaceAll("\r\n$", ""));
        StringBuilder text = new StringBuilder();
        lines(body, all, text);
        return text.toString();
    }

    /** Appends the lines with their placeholders filled; a line whose placeholder has no value is left out. */
    private static void lines(List<String> lines, Map<String, String> values, StringBuilder out) {
        for (String line : lines) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            boolean empty = false;
            while (matcher.find()) {
                empty |= values.getOrDefault(matcher.group(1), "").isEmpty();
            }
            if (!empty) {
                out.append(fill(line, values)).append("\r\n");
            }
        }
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
