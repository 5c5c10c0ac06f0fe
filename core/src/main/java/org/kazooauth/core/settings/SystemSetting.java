package org.kazooauth.core.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One system-only setting of the pack: a realm attribute (DESIGN §2), what it means and which values it takes.
 * The admin console's Kazoo tab shows each one as a typed field and refuses a value {@link #problem} rejects.
 *
 * @param attribute    the realm attribute that stores it
 * @param label        the field's label
 * @param help         what it does, for the field's help text
 * @param type         the kind of value
 * @param defaultValue what applies while the attribute is unset
 * @param options      the allowed values of a {@link Type#CHOICE}; empty otherwise
 * @param check        further rules a value must meet; answers the problem, or empty
 */
public record SystemSetting(String attribute, String label, String help, Type type, String defaultValue,
                            List<String> options, Function<String, Optional<String>> check) {

    public enum Type { BOOLEAN, INTEGER, CHOICE, TEXT, CLIENT }

    public SystemSetting {
        options = List.copyOf(options);
    }

    /**
     * The setting's name in the admin console's form: the attribute without {@code kazoo.}, dots as dashes, since
     * the console's extension pages take a dot in a field name for a nested object.
     */
    public String field() {
        return attribute.substring(attribute.indexOf('.') + 1).replace('.', '-');
    }

    /** Why {@code value} cannot be stored; empty when it can. A blank value always can: it restores the default. */
    public Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        return switch (type) {
            case BOOLEAN -> text.equals("true") || text.equals("false") ? Optional.empty()
                    : Optional.of("must be true or false");
            case CHOICE -> options.contains(text) ? check.apply(text)
                    : Optional.of("must be one of " + String.join(", ", options));
            case INTEGER -> isWholeNumber(text) ? check.apply(text) : Optional.of("must be a whole number");
            case TEXT, CLIENT -> check.apply(text);
        };
    }

    private static boolean isWholeNumber(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Function<String, Optional<String>> atLeast(long least) {
        return text -> Long.parseLong(text) >= least ? Optional.empty() : Optional.of("must be at least " + least);
    }

    static Function<String, Optional<String>> anything() {
        return text -> Optional.empty();
    }
}
