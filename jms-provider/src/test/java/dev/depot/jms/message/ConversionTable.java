package dev.depot.jms.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The specification's conversion tables written out cell by cell: for each written type (row) and read
 * type (column), either the value the read must return or {@link #FAILS} for an unmarked cell, which must
 * throw MessageFormatException. Written independently of {@link Values} so that a wrong cell there fails.
 */
final class ConversionTable {

    static final Object FAILS = new Object() {
        @Override
        public String toString() {
            return "MessageFormatException";
        }
    };

    static final List<String> BODY_COLUMNS =
            List.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "String", "byte[]");
    static final List<String> PROPERTY_COLUMNS =
            List.of("boolean", "byte", "short", "int", "long", "float", "double", "String");

    private ConversionTable() {
    }

    /** Rows and marked cells of the MapMessage / StreamMessage table. */
    private static Map<String, Map<String, Object>> bodyRows() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        rows.put("boolean", Map.of("boolean", true, "String", "true"));
        rows.put("byte", Map.of("byte", (byte) 7, "short", (short) 7, "int", 7, "long", 7L, "String", "7"));
        rows.put("short", Map.of("short", (short) 300, "int", 300, "long", 300L, "String", "300"));
        rows.put("char", Map.of("char", 'x', "String", "x"));
        rows.put("int", Map.of("int", 70000, "long", 70000L, "String", "70000"));
        rows.put("long", Map.of("long", 5_000_000_000L, "String", "5000000000"));
        rows.put("float", Map.of("float", 1.5f, "double", 1.5d, "String", "1.5"));
        rows.put("double", Map.of("double", 2.25d, "String", "2.25"));
        rows.put("byte[]", Map.of("byte[]", new byte[] {1, 2, 3}));
        return rows;
    }

    private static Object sample(String row) {
        return switch (row) {
            case "boolean" -> true;
            case "byte" -> (byte) 7;
            case "short" -> (short) 300;
            case "char" -> 'x';
            case "int" -> 70000;
            case "long" -> 5_000_000_000L;
            case "float" -> 1.5f;
            case "double" -> 2.25d;
            case "byte[]" -> new byte[] {1, 2, 3};
            default -> throw new IllegalArgumentException(row);
        };
    }

    /** The String row: each column is read from a string it can parse, except char and byte[]. */
    private static Arguments stringCell(String column) {
        return switch (column) {
            case "boolean" -> Arguments.of("String", "true", column, true);
            case "byte" -> Arguments.of("String", "-12", column, (byte) -12);
            case "short" -> Arguments.of("String", "-1200", column, (short) -1200);
            case "int" -> Arguments.of("String", "120000", column, 120000);
            case "long" -> Arguments.of("String", "12000000000", column, 12_000_000_000L);
            case "float" -> Arguments.of("String", "0.5", column, 0.5f);
            case "double" -> Arguments.of("String", "-0.25", column, -0.25d);
            case "String" -> Arguments.of("String", "hello", column, "hello");
            case "char", "byte[]" -> Arguments.of("String", "x", column, FAILS);
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** (row, value written, column, expected or FAILS) for all 100 cells of the body table. */
    static Stream<Arguments> body() {
        return cells(BODY_COLUMNS);
    }

    /** The 64 cells of the property table (no char, no byte[]). */
    static Stream<Arguments> properties() {
        return cells(PROPERTY_COLUMNS);
    }

    private static Stream<Arguments> cells(List<String> columns) {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : bodyRows().entrySet()) {
            if (!columns.contains(row.getKey())) {
                continue; // the property table has no char or byte[] row
            }
            for (String column : columns) {
                Object expected = row.getValue().getOrDefault(column, FAILS);
                out.add(Arguments.of(row.getKey(), sample(row.getKey()), column, expected));
            }
        }
        for (String column : columns) {
            out.add(stringCell(column));
        }
        return out.stream();
    }
}
