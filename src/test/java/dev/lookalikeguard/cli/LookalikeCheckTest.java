package dev.lookalikeguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LookalikeCheckTest {
    private static final String CONDITION = "suffixes: mil, gov; domains: army.mil, defense.gov; known: nsa.gov";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return LookalikeCheck.run(args, new StringReader(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] outputLines() {
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Nested
    class LearnedNames {
        @TempDir
        Path folder;

        @Test
        void aSeedFromLastMonthsRecipientsHoldsTheirDistinctDomainsLessTyposAndLookalikes() throws Exception {
            Path recipients = folder.resolve("sent.txt");
            Files.writeString(recipients, String.join("\n", "buyer@lockheedmartin.com", "\"Sales\" <sales@LockheedMartin.com>",
                "typo@lockheedmartn.com", "ops@baesystems.com", "ops@baesystems.com", "j@army.ml", "x@nato.int", "ops@army.mil",
                "not an address", "# a comment", ""));

            int status = run("", "--seed-from", recipients.toString(), "--condition", CONDITION);

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("[\n  \"baesystems.com\",\n  \"lockheedmartin.com\",\n  \"nato.int\"\n]");
            assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("left out typo@lockheedmartn.com".replace("typo@", ""))
                .contains("near miss of lockheedmartin.com (written to 2 times)")
                .contains("left out army.ml: army.ml looks like army.mil")
                .contains("left out 'not an address'")
                .contains("left out army.mil: already protected")
                .contains("seed: 3 distinct domain(s) from 9 line(s), 4 left out");
        }

        @Test
        void checksWithTheLearnedNamesOfASeedFile() throws Exception {
            Path learned = folder.resolve("learned.json");
            Files.writeString(learned, "[\"lockheedmartin.com\", \"baesystems.com\"]");

            int status = run("lockheedmartn.com\nlockheedmartin.com\nmail.baesystems.com\n", "--condition",
                CONDITION + "; learn: on", "--learned", learned.toString());

            assertThat(status).isZero();
            String[] lines = outputLines();
            assertThat(lines[0].split("\t")).startsWith("lockheedmartn.com", "lookalike", "lockheedmartin.com");
            assertThat(lines[0]).contains("learned-name");
            assertThat(lines[1].split("\t")).startsWith("lockheedmartin.com", "clean");
            assertThat(lines[2]).contains("under the learned name baesystems.com");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("learned names: 2 from");
        }

        @Test
        void theLearnedFileMayBeOneDomainPerLine() throws Exception {
            Path learned = folder.resolve("learned.txt");
            Files.writeString(learned, "# partners\nlockheedmartin.com\n");

            run("lockheedmartn.com\n", "--condition", CONDITION + "; learn: on", "--learned", learned.toString());

            assertThat(outputLines()[0]).contains("lookalike");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "[\"a.com\", \"com\"] | 'com' is a bare public suffix",
            "[\"a.com\" \"b.com\" | not a JSON list of domains",
            "{\"a.com\": 1}     | not a JSON list of domains",
        })
        void aBadLearnedFileIsAUsageError(String content, String message) throws Exception {
            Path learned = folder.resolve("learned.json");
            Files.writeString(learned, content);

            assertThat(run("a.com\n", "--condition", CONDITION + "; learn: on", "--learned", learned.toString()))
                .isEqualTo(LookalikeCheck.USAGE_ERROR);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
        }

        @Test
        void learnedNeedsLearnOnInTheCondition() throws Exception {
            Path learned = folder.resolve("learned.json");
            Files.writeString(learned, "[\"lockheedmartin.com\"]");

            assertThat(run("a.com\n", "--condition", CONDITION, "--learned", learned.toString()))
                .isEqualTo(LookalikeCheck.USAGE_ERROR);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--learned needs 'learn: on' in the condition");
        }

        @Test
        void aMissingLearnedFileIsAnInputError() {
            assertThat(run("a.com\n", "--condition", CONDITION + "; learn: on", "--learned", folder.resolve("none").toString()))
                .isEqualTo(LookalikeCheck.INPUT_ERROR);
        }
    }

    @Nested
    class Checking {

        @Test
        void printsOneTabSeparatedLinePerInputLineInOrder() {
            int status = run("army.ml\nJohn <j@ARMY.MIL>\ngmail.com\n\nxn--zz\n", "--condition", CONDITION);

            assertThat(status).isZero();
            String[] lines = outputLines();
            assertThat(lines).hasSize(5);
            assertThat(lines[0].split("\t")).containsExactly("army.ml", "lookalike", "army.mil", "suffix-edit", "95",
                "army.ml looks like army.mil: suffix ml is one edit from mil, and ml is a real suffix anyone can register under");
            assertThat(lines[1].split("\t")).startsWith("John <j@ARMY.MIL>", "protected", "army.mil", "-", "-");
            assertThat(lines[2].split("\t")).startsWith("gmail.com", "clean", "-", "-", "-");
            assertThat(lines[3].split("\t")).startsWith("-", "invalid");
            assertThat(lines[4].split("\t")).startsWith("xn--zz", "invalid");
            assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("checked 5 line(s)").contains("1 lookalike, 1 protected, 1 clean, 2 invalid");
        }

        @Test
        void theSummaryGivesLinesPerSecond() {
            run("army.ml\ngmail.com\n", "--condition", CONDITION);

            assertThat(err.toString(StandardCharsets.UTF_8))
                .matches("(?s)checked 2 line\\(s\\) in \\d+ ms \\(\\d+ lines/s\\): "
                    + "1 lookalike, 0 protected, 1 clean, 0 invalid\\R");
        }

        @Test
        void tabsInAnInputLineDoNotAddFields() {
            run(" j@gmail.com\t\tsecond column \n", "--condition", CONDITION);

            assertThat(outputLines()).hasSize(1);
            assertThat(outputLines()[0].split("\t", -1)).hasSize(6).startsWith("j@gmail.com second column", "invalid");
        }

        @Test
        void manyLinesComeOutWholeAndInOrder() {
            StringBuilder input = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                input.append(i % 2 == 0 ? "user" + i + "@army.ml" : "user" + i + "@gmail.com").append('\n');
            }

            run(input.toString(), "--condition", CONDITION);

            String[] lines = outputLines();
            assertThat(lines).hasSize(5000);
            for (int i = 0; i < lines.length; i++) {
                assertThat(lines[i]).startsWith("user" + i + "@").contains(i % 2 == 0 ? "\tlookalike\t" : "\tclean\t");
            }
        }

        @Test
        void readsAFile(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("recipients.txt"), "a@defnese.gov\nb@nsa.gov\n");

            assertThat(run("", "-c", CONDITION, file.toString())).isZero();

            assertThat(outputLines()).hasSize(2);
            assertThat(outputLines()[0]).contains("\tlookalike\tdefense.gov\ttransposition\t");
            assertThat(outputLines()[1]).contains("\tprotected\tnsa.gov\t");
        }
    }

    @Nested
    class Errors {

        @Test
        void aBadConditionExitsWithTwoAndTheMatchersMessage() {
            assertThat(run("", "--condition", "sufixes: mil")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("RecipientIsLookalike: bad condition: unknown clause 'sufixes'");
        }

        @Test
        void aMissingFileExitsWithOne() {
            assertThat(run("", "--condition", CONDITION, "/nonexistent/recipients.txt")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read /nonexistent/recipients.txt");
        }

        @Test
        void noConditionIsAUsageError() {
            assertThat(run("")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--condition is required").contains("Usage:");
        }

        @Test
        void helpPrintsUsage() {
            assertThat(run("", "--help")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("input<TAB>verdict<TAB>nearest");
        }
    }

    /** Output fields: tabs and line breaks (runs of them) become one space, ends are stripped, empty is '-'. */
    @ParameterizedTest
    @ValueSource(strings = {"army.ml", "  army.ml  ", "a\tb", "a\t\r\nb", "a \t b", "\t", "", " ", "\u2003x\u2003",
        "x\t", "\ny", "a\t \tb", "\u0430rmy.mil", "a\u00a0b"})
    void writesAFieldAsTheRegexDid(String value) {
        String expected = value.replaceAll("[\\t\\r\\n]+", " ").strip();

        assertThat(LookalikeCheck.appendField(new StringBuilder(), value).toString())
            .isEqualTo(expected.isEmpty() ? "-" : expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "army.ml                      | army.ml",
        "j.doe@army.ml                | army.ml",
        "John Doe <j.doe@ARMY.ML>     | ARMY.ML",
        "\"Doe, John\" <j@army.ml.>   | army.ml.",
        "mailto:j@army.ml             | army.ml",
        "\"a@b\"@army.ml              | army.ml",
    })
    void extractsTheDomain(String line, String domain) {
        assertThat(InputLine.domainOf(line)).isEqualTo(domain);
    }
}
