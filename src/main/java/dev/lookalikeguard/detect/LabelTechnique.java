package dev.lookalikeguard.detect;

/**
 * One kind of single edit of a label (omission, transposition, ...): it recognises a candidate label
 * that is a protected label changed by exactly that edit, and says so in words.
 */
public interface LabelTechnique {

    String name();

    /** How surely such an edit is a mistake, 0 to 100. */
    int score();

    /** Whether {@code candidate} is {@code original} changed by exactly one edit of this kind. */
    boolean recognizes(String candidate, String original);

    /** Why, in words: "amry is army with two adjacent letters swapped". */
    String describe(String candidate, String original);
}
