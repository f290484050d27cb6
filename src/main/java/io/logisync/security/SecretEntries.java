package io.logisync.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entry lists that credentials and webhook secrets are configured in: entries separated by new lines or
 * semicolons, fields by white space, blank entries and {@code #} comments skipped.
 */
final class SecretEntries {

    /** One entry: its number in the list, counting skipped ones, and its fields. */
    record Entry(int number, String[] fields) {
    }

    private SecretEntries() {
    }

    static List<Entry> read(String text) {
        List<Entry> answer = new ArrayList<>();
        if (text == null) {
            return answer;
        }
        int number = 0;
        for (String raw : text.split("[;\\n]")) {
            number++;
            String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                answer.add(new Entry(number, line.split("\\s+")));
            }
        }
        return answer;
    }
}
