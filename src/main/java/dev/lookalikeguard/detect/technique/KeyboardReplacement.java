package dev.lookalikeguard.detect.technique;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.lookalikeguard.detect.LabelTechnique;

/** A letter replaced by a neighbouring key on a qwerty, azerty or qwertz keyboard: aemy or qrmy for army. */
public final class KeyboardReplacement implements LabelTechnique {
    public static final String NAME = "keyboard";
    private static final String[][] LAYOUTS = {
        {"1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
        {"1234567890-", "azertyuiop", "qsdfghjklm", "wxcvbn"},
        {"1234567890-", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
    };
    private static final Map<Character, Set<Character>> NEIGHBOURS = neighbours();

    private static Map<Character, Set<Character>> neighbours() {
        Map<Character, Set<Character>> map = new HashMap<>();
        for (String[] rows : LAYOUTS) {
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length(); c++) {
                    char key = rows[r].charAt(c);
                    for (int dr = -1; dr <= 1; dr++) {
                        int row = r + dr;
                        if (row < 0 || row >= rows.length) {
                            continue;
                        }
                        for (int dc = -1; dc <= 1; dc++) {
                            int col = c + dc;
                            if ((dr != 0 || dc != 0) && col >= 0 && col < rows[row].length()) {
                                map.computeIfAbsent(key, k -> new HashSet<>()).add(rows[row].charAt(col));
                            }
                        }
                    }
                }
            }
        }
        return map;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score() {
        return 85;
    }

    @Override
    public boolean recognizes(String candidate, String original) {
        int at = Edits.substitutionAt(candidate, original);
        return at >= 0 && NEIGHBOURS.getOrDefault(original.charAt(at), Set.of()).contains(candidate.charAt(at));
    }

    @Override
    public String describe(String candidate, String original) {
        int at = Edits.substitutionAt(candidate, original);
        return candidate + " is " + original + " with '" + original.charAt(at) + "' replaced by the neighbouring key '"
            + candidate.charAt(at) + "'";
    }
}
