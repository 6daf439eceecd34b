package dev.depot.jms.selector;

import jakarta.jms.InvalidSelectorException;

/** Builds the exceptions for invalid selectors so that every message has the same shape. */
final class SelectorErrors {

    /** Long literals are cut in messages so that a huge selector does not produce a huge message per mention. */
    private static final int MAX_QUOTED_LENGTH = 40;

    private SelectorErrors() {
    }

    /**
     * Creates an exception reading "{@code <problem> at position <n> in selector: <text>}", where positions are
     * 1-based character offsets into the selector text.
     */
    static InvalidSelectorException at(String selector, int index, String problem) {
        return new InvalidSelectorException(problem + " at position " + (index + 1) + " in selector: " + selector);
    }

    /** The selector text between two indexes, shortened if long. */
    static String excerpt(String selector, int start, int end) {
        String text = selector.substring(start, end);
        if (text.length() > MAX_QUOTED_LENGTH) {
            int cut = MAX_QUOTED_LENGTH - 3;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            return text.substring(0, cut) + "...";
        }
        return text;
    }
}
