package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.score.Scoring;

/** The one typed verdict attribute: what the matcher writes is what every reader gets back, wherever the mail went. */
class RecipientVerdictsTest {
    private static final RecipientVerdict ARMY = RecipientVerdict.lookalike("army.ml", "army.mil", "army.mil",
        List.of("suffix-edit", "transposition"), 69, "amry.ml looks like army.mil");
    private static final RecipientVerdict FAILED = RecipientVerdict.checkFailed("boom.example", "IllegalStateException");

    private static RecipientVerdicts verdicts() throws Exception {
        Map<MailAddress, RecipientVerdict> map = new LinkedHashMap<>();
        map.put(new MailAddress("j.doe@army.ml"), ARMY);
        map.put(new MailAddress("x@boom.example"), FAILED);
        return RecipientVerdicts.of(map);
    }

    private static MailImpl mail() throws Exception {
        return MailImpl.builder().name("m1").sender("colonel@guard.test").addRecipients("j.doe@army.ml", "x@boom.example")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("s").setText("t")).build();
    }

    @Nested
    class Values {

        @Test
        void aLookalikeKeepsItsTechniquesAsAListAndItsBand() {
            assertThat(ARMY.status()).isEqualTo(RecipientVerdict.Status.LOOKALIKE);
            assertThat(ARMY.techniques()).containsExactly("suffix-edit", "transposition");
            assertThat(ARMY.techniquesText()).isEqualTo("suffix-edit+transposition");
            assertThat(ARMY.band()).contains(Scoring.Band.POSSIBLE);
        }

        @Test
        void aFailedCheckIsItsOwnStateNotATechnique() {
            assertThat(FAILED.checkFailed()).isTrue();
            assertThat(FAILED.techniques()).isEmpty();
            assertThat(FAILED.nearest()).isEmpty();
            assertThat(FAILED.band()).isEmpty();
            assertThat(FAILED.explanation()).contains("the look-alike check failed (IllegalStateException)");
        }
    }

    @Nested
    class AsAnAttribute {

        @Test
        void isOneAttributeMadeOfJamesTypedValues() throws Exception {
            Attribute attribute = verdicts().toAttribute();

            assertThat(attribute.getName()).isEqualTo(LookalikeAttributes.VERDICTS);
            assertThat(attribute.getValue().toJson().orElseThrow().toString())
                .contains("\"techniques\"").contains("\"suffix-edit\"").contains("\"transposition\"")
                .contains("\"check-failed\"").doesNotContain("ArbitrarySerializable").doesNotContain("FST");
        }

        @Test
        void survivesJamesJsonAsMailQueuesAndRepositoriesWriteIt() throws Exception {
            AttributeValue<?> json = AttributeValue.fromJson(verdicts().toAttribute().getValue().toJson().orElseThrow());
            FakeMail mail = FakeMail.builder().name("m1").attribute(new Attribute(LookalikeAttributes.VERDICTS, json)).build();

            assertThat(RecipientVerdicts.recordedOn(mail)).isEqualTo(verdicts());
        }

        @Test
        void survivesACopyOfTheMailAsTheSpoolAndASplitMakeIt() throws Exception {
            MailImpl mail = mail();
            verdicts().recordOn(mail);

            MailImpl copy = MailImpl.duplicate(mail);

            assertThat(RecipientVerdicts.recordedOn(copy)).isEqualTo(verdicts());
            mail.dispose();
            copy.dispose();
        }

        @Test
        void survivesJavaSerialisationAsTheFileRepositoryStoresIt() throws Exception {
            MailImpl mail = mail();
            verdicts().recordOn(mail);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(mail);
            }

            Mail read;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                read = (Mail) in.readObject();
            }

            assertThat(RecipientVerdicts.recordedOn(read)).isEqualTo(verdicts());
            mail.dispose();
        }

        @Test
        void aMailWithoutTheAttributeHasNoVerdicts() throws Exception {
            assertThat(RecipientVerdicts.recordedOn(FakeMail.builder().name("m1").build()).isEmpty()).isTrue();
        }
    }

    @Nested
    class WrittenByEarlierVersions {

        private RecipientVerdict legacy(String technique) {
            Map<String, AttributeValue<?>> entry = new LinkedHashMap<>();
            entry.put("domain", AttributeValue.of("amry.ml"));
            entry.put("nearest", AttributeValue.of("army.mil"));
            entry.put("suggestion", AttributeValue.of(""));
            entry.put("technique", AttributeValue.of(technique));
            entry.put("score", AttributeValue.of(69));
            entry.put("explanation", AttributeValue.of("amry.ml looks like army.mil"));
            return RecipientVerdict.fromAttributeValue(AttributeValue.of(entry)).orElseThrow();
        }

        @Test
        void aJoinedTechniqueIsReadAsAList() {
            RecipientVerdict verdict = legacy("suffix-edit+transposition");

            assertThat(verdict.techniques()).containsExactly("suffix-edit", "transposition");
            assertThat(verdict.suggestion()).as("an empty string was 'none'").isEmpty();
            assertThat(verdict.score()).isEqualTo(69);
        }

        @Test
        void theFakeTechniqueOfAFailedCheckIsReadAsAFailedCheck() {
            assertThat(legacy("detection-failed").checkFailed()).isTrue();
            assertThat(legacy("detection-failed").techniques()).isEmpty();
        }
    }
}
