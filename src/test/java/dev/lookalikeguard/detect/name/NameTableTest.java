package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void findsAStretchOfALongerStringAsTheMapFindsTheSubstring() {
        Random random = new Random(5);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            map.put(random(random, 1 + random.nextInt(8)), i);
        }
        NameTable<Integer> table = new NameTable<>(map);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = random(random, 1 + random.nextInt(12));
            int from = random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            String stretch = text.substring(from, to);
            assertThat(table.get(text, from, to)).as(stretch).isEqualTo(map.get(stretch));
            assertThat(table.get(new StringBuilder(text), from, to)).as(stretch).isEqualTo(map.get(stretch));
            assertThat(NameTable.hash(text, from, to)).isEqualTo(stretch.hashCode());
            found += map.containsKey(stretch) ? 1 : 0;
        }
        assertThat(found).isGreaterThan(1000);
        map.forEach((key, value) -> assertThat(table.get(key)).isEqualTo(value));
        assertThat(table.size()).isEqualTo(map.size());
    }

    @Test
    void givesBackItsOwnKey() {
        NameTable<Boolean> table = new NameTable<>(Map.of("gov.uk", true, "mil", true));
        String name = "mod.gov.uk";
        assertThat(table.key(name, 4, name.length())).isEqualTo("gov.uk");
        assertThat(table.key(name, 0, name.length())).isNull();
        assertThat(table.contains(name, 8, 10)).isFalse();
        assertThat(new NameTable<>(Map.of()).get("x")).isNull();
    }

    private static String random(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append("abc.-".charAt(random.nextInt(5)));
        }
        return b.toString();
    }
}
