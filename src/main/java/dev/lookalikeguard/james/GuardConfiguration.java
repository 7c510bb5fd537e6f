package dev.lookalikeguard.james;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;

/**
 * The mailet parameters of {@link LookalikeGuard}, validated once in {@code init()}. Immutable.
 */
public final class GuardConfiguration {
    public static final String ACTION = "action";
    public static final String REPOSITORY_PATH = "repositoryPath";
    public static final String HEADER = "header";
    public static final String STATUS = "status";
    public static final String ATTACHMENT = "attachment";
    public static final String LANGUAGE = "language";
    public static final String NOTICE_TEMPLATE = "noticeTemplate";
    public static final String POSTMASTER_COPY = "postmasterCopy";
    public static final Set<String> PARAMETERS = Set.of(ACTION, REPOSITORY_PATH, HEADER, STATUS, ATTACHMENT, LANGUAGE,
        NOTICE_TEMPLATE, POSTMASTER_COPY);

    public static final String DEFAULT_REPOSITORY_PATH = "var/mail/quarantine";
    public static final String DEFAULT_HEADER = "X-Lookalike-Guard";
    public static final String DEFAULT_STATUS = "5.7.1";

    /** What the notice carries of the original message. */
    public enum Attachment { HEADERS, MESSAGE, NONE }

    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern STATUS_CODE = Pattern.compile("5\\.\\d{1,3}\\.\\d{1,3}");

    private final GuardAction action;
    private final Optional<String> repository;
    private final String header;
    private final String status;
    private final Attachment attachment;
    private final NoticeTemplate notice;
    private final boolean postmasterCopy;

    private GuardConfiguration(GuardAction action, Optional<String> repository, String header, String status,
                               Attachment attachment, NoticeTemplate notice, boolean postmasterCopy) {
        this.action = action;
        this.repository = repository;
        this.header = header;
        this.status = status;
        this.attachment = attachment;
        this.notice = notice;
        this.postmasterCopy = postmasterCopy;
    }

    /**
     * Reads and validates the parameters.
     *
     * @param parameter the mailet's parameter lookup (null when absent)
     * @param names the names of the parameters present
     */
    static GuardConfiguration parse(Function<String, String> parameter, Iterable<String> names) throws MessagingException {
        for (String name : names) {
            if (!PARAMETERS.contains(name) && !name.equals("onMailetException") && !name.equals("onMatchException")) {
                throw new MessagingException("LookalikeGuard: unknown parameter '" + name + "'; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
        }
        GuardAction action = parseAction(parameter.apply(ACTION));
        Optional<String> repository = Optional.ofNullable(parameter.apply(REPOSITORY_PATH)).map(String::strip);
        if (repository.isPresent() && repository.get().isEmpty()) {
            throw new MessagingException("LookalikeGuard: parameter '" + REPOSITORY_PATH + "' is empty; expected a "
                + "repository path such as var/mail/quarantine or a URL such as file://var/mail/quarantine/");
        }
        String header = Optional.ofNullable(parameter.apply(HEADER)).map(String::strip).orElse(DEFAULT_HEADER);
        if (!HEADER_NAME.matcher(header).matches()) {
            throw new MessagingException("LookalikeGuard: parameter '" + HEADER + "' is '" + header
                + "'; expected a header name (printable ASCII, no space or colon), e.g. " + DEFAULT_HEADER);
        }
        String status = Optional.ofNullable(parameter.apply(STATUS)).map(String::strip).orElse(DEFAULT_STATUS);
        if (!STATUS_CODE.matcher(status).matches()) {
            throw new MessagingException("LookalikeGuard: parameter '" + STATUS + "' is '" + status
                + "'; expected a permanent-failure status code 5.X.Y (RFC 3463), e.g. 5.7.1 or 5.1.2");
        }
        Attachment attachment = parseAttachment(parameter.apply(ATTACHMENT));
        NoticeTemplate notice = parseNotice(parameter.apply(LANGUAGE), parameter.apply(NOTICE_TEMPLATE));
        boolean postmasterCopy = parseBoolean(POSTMASTER_COPY, parameter.apply(POSTMASTER_COPY), false);
        return new GuardConfiguration(action, repository, header, status, attachment, notice, postmasterCopy);
    }

    private static NoticeTemplate parseNotice(String language, String template) throws MessagingException {
        if (template != null && !template.isBlank()) {
            if (language != null) {
                throw new MessagingException("LookalikeGuard: give either '" + LANGUAGE + "' or '" + NOTICE_TEMPLATE + "', not both");
            }
            try {
                return NoticeTemplate.fromFile(java.nio.file.Path.of(template.strip()));
            } catch (MessagingException e) {
                throw new MessagingException("LookalikeGuard: parameter '" + NOTICE_TEMPLATE + "': " + e.getMessage(), e);
            }
        }
        String code = language == null ? "en" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!NoticeTemplate.LANGUAGES.contains(code)) {
            throw new MessagingException("LookalikeGuard: parameter '" + LANGUAGE + "' is '" + language
                + "'; expected one of " + new java.util.TreeSet<>(NoticeTemplate.LANGUAGES) + " (or a " + NOTICE_TEMPLATE + " file)");
        }
        return NoticeTemplate.builtIn(code);
    }

    private static boolean parseBoolean(String name, String value, boolean defaultValue) throws MessagingException {
        if (value == null) {
            return defaultValue;
        }
        switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
            case "yes":
                return true;
            case "false":
            case "no":
                return false;
            default:
                throw new MessagingException("LookalikeGuard: parameter '" + name + "' is '" + value + "'; expected true or false");
        }
    }

    private static GuardAction parseAction(String value) throws MessagingException {
        if (value == null) {
            return GuardAction.BOUNCE;
        }
        try {
            return GuardAction.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("LookalikeGuard: parameter '" + ACTION + "' is '" + value
                + "'; expected bounce, hold or tag");
        }
    }

    private static Attachment parseAttachment(String value) throws MessagingException {
        if (value == null) {
            return Attachment.HEADERS;
        }
        switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "heads":
            case "headers":
                return Attachment.HEADERS;
            case "message":
                return Attachment.MESSAGE;
            case "none":
                return Attachment.NONE;
            default:
                throw new MessagingException("LookalikeGuard: parameter '" + ATTACHMENT + "' is '" + value
                    + "'; expected heads, message or none");
        }
    }

    /** The quarantine URL: the parameter as given when it has a protocol, else the path under the default one. */
    MailRepositoryUrl repositoryUrl(Optional<Protocol> defaultProtocol) {
        String value = repository.orElse(DEFAULT_REPOSITORY_PATH);
        if (value.contains("://")) {
            return MailRepositoryUrl.from(value);
        }
        return MailRepositoryUrl.fromPathAndProtocol(defaultProtocol.orElse(new Protocol("memory")),
            MailRepositoryPath.from(value));
    }

    public GuardAction action() {
        return action;
    }

    public String header() {
        return header;
    }

    public String status() {
        return status;
    }

    public Attachment attachment() {
        return attachment;
    }

    NoticeTemplate notice() {
        return notice;
    }

    /** Whether the postmaster gets a copy of every notice. */
    public boolean postmasterCopy() {
        return postmasterCopy;
    }
}
