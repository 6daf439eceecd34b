package dev.depot.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorApiTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\r\n\f "})
    void nullOrBlankMatchesEverything(String text) throws Exception {
        Selector selector = Selector.parse(text);
        assertThat(selector.isMatchAll()).isTrue();
        assertThat(selector.matches(SelectorContext.of(Map.of()))).isTrue();
        assertThat(selector.matches(new FakeMessage())).isTrue();
        assertThat(selector.text()).isEmpty();
        assertThat(selector.toString()).isEmpty();
        assertThat(selector.identifiers()).isEmpty();
        assertThat(selector.readsOnlyHeaders()).isTrue();
    }

    @Test
    void trueIsASelectorNotMatchAll() throws Exception {
        Selector selector = Selector.parse("TRUE");
        assertThat(selector.isMatchAll()).isFalse();
        assertThat(selector.matches(SelectorContext.of(Map.of()))).isTrue();
        assertThat(Selector.parse("FALSE").matches(SelectorContext.of(Map.of()))).isFalse();
    }

    @Test
    void textAndToStringReturnTheSelector() throws Exception {
        String text = " color = 'blue'  AND weight > 2500 ";
        Selector selector = Selector.parse(text);
        assertThat(selector.text()).isEqualTo(text);
        assertThat(selector.toString()).isEqualTo(text);
    }

    @Test
    void identifiersInOrderOfFirstUse() throws Exception {
        Selector selector = Selector.parse(
                "b = 1 AND a BETWEEN c AND -d OR b IS NULL AND JMSType IN ('x') AND e LIKE 'y' OR NOT f + g > 0");
        assertThat(selector.identifiers()).containsExactly("b", "a", "c", "d", "JMSType", "e", "f", "g");
        assertThatThrownBy(() -> selector.identifiers().add("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Selector.parse("TRUE").identifiers()).isEmpty();
    }

    @Test
    void readsOnlyHeaders() throws Exception {
        assertThat(Selector.parse("JMSPriority > 4 AND JMSType = 'x' OR JMSDeliveryMode = 'PERSISTENT'"
                + " OR JMSMessageID IS NULL OR JMSCorrelationID LIKE 'c%' OR JMSTimestamp > 0").readsOnlyHeaders())
                .isTrue();
        assertThat(Selector.parse("JMSPriority > 4 AND color = 'x'").readsOnlyHeaders()).isFalse();
        assertThat(Selector.parse("JMSXGroupID = 'g'").readsOnlyHeaders()).isFalse();
        assertThat(Selector.parse("TRUE").readsOnlyHeaders()).isTrue();
    }

    @Test
    void equalityIsByText() throws Exception {
        assertThat(Selector.parse("a = 1")).isEqualTo(Selector.parse("a = 1"))
                .hasSameHashCodeAs(Selector.parse("a = 1"))
                .isNotEqualTo(Selector.parse("a=1"));
        assertThat(Selector.parse(null)).isEqualTo(Selector.parse(""));
    }

    @Test
    void nullArgumentsAreRejected() throws Exception {
        Selector selector = Selector.parse("a = 1");
        assertThatThrownBy(() -> selector.matches((SelectorContext) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> selector.matches((jakarta.jms.Message) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SelectorContext.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void contextsCanBeLambdas() throws Exception {
        Selector selector = Selector.parse("JMSPriority > 4 AND region = 'eu'");
        SelectorContext row = name -> switch (name) {
            case "JMSPriority" -> 9;
            case "region" -> "eu";
            default -> null;
        };
        assertThat(selector.matches(row)).isTrue();
    }

    @Test
    void mapContextReadsTheLiveMap() throws Exception {
        Map<String, Object> values = new HashMap<>();
        SelectorContext context = SelectorContext.of(values);
        Selector selector = Selector.parse("a = 1");
        assertThat(selector.matches(context)).isFalse();
        values.put("a", 1);
        assertThat(selector.matches(context)).isTrue();
    }

    @Test
    void contextExceptionsPropagate() throws Exception {
        Selector selector = Selector.parse("a = 1");
        IllegalStateException failure = new IllegalStateException("row gone");
        assertThatThrownBy(() -> selector.matches(name -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void longConjunctionsDoNotDeepenTheTree() throws Exception {
        StringBuilder text = new StringBuilder("a = 0");
        for (int i = 1; i < 20_000; i++) {
            text.append(i % 2 == 0 ? " AND " : " OR ").append("a = ").append(i);
        }
        Selector selector = Selector.parse(text.toString());
        assertThat(selector.matches(SelectorContext.of(Map.of("a", 19_999)))).isTrue();
    }

    /** One parsed selector shared by several threads must give every thread the same answers. */
    @Test
    void sharedSelectorIsThreadSafe() throws Exception {
        Selector selector = Selector.parse(
                "(n BETWEEN 10 AND 20 OR s LIKE 'x%y_') AND NOT s IN ('xay1', 'xby2') AND n / 2 * 2 = n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<Integer> task = () -> {
                    int matches = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int n = i % 40;
                        String s = "x" + (char) ('a' + i % 3) + "y" + (i % 5);
                        if (selector.matches(SelectorContext.of(Map.of("n", n, "s", s)))) {
                            matches++;
                        }
                    }
                    return matches;
                };
                results.add(pool.submit(task));
            }
            int expected = expectedMatches();
            for (Future<Integer> result : results) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int expectedMatches() {
        int matches = 0;
        for (int i = 0; i < 20_000; i++) {
            int n = i % 40;
            String s = "x" + (char) ('a' + i % 3) + "y" + (i % 5);
            boolean first = n >= 10 && n <= 20 || s.startsWith("x") && s.length() >= 3 && s.charAt(s.length() - 2)
                    == 'y';
            boolean notIn = !s.equals("xay1") && !s.equals("xby2");
            if (first && notIn && n % 2 == 0) {
                matches++;
            }
        }
        return matches;
    }
}
