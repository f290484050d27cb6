package io.logisync.ingress;

/**
 * What logisync repeats of a sender's value in an answer or error: the value itself up to {@value #MAX_CHARACTERS}
 * characters, else its start, an ellipsis and its length, so that a 60 KB id is not sent back whole.
 */
public final class Echo {

    /** As long as the longest id, source or name an event may hold: normal values are echoed unchanged. */
    public static final int MAX_CHARACTERS = 200;

    private Echo() {
    }

    /** The value, or its first {@value #MAX_CHARACTERS} characters followed by "… (N characters)"; null stays null. */
    public static String cut(String value) {
        if (value == null || value.length() <= MAX_CHARACTERS) {
            return value;
        }
        int end = MAX_CHARACTERS;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a character made of two UTF-16 units
        }
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }
}
