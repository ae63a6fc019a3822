package io.nats4j.bench.cli;

import picocli.CommandLine.TypeConversionException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human forms of sizes ({@code 16}, {@code 1k}, {@code 64KiB}) and durations ({@code 500ms}, {@code 10s}). */
final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib)");
    private static final Pattern TIME = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*(|k|m)");

    private Units() {
    }

    static int size(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("not a size: '" + text + "' (examples: 16, 1k, 64KiB, 1MiB)");
        }
        long n = Long.parseLong(m.group(1));
        long mult = switch (m.group(2)) {
            case "k", "kb", "kib" -> 1024;
            case "m", "mb", "mib" -> 1024 * 1024;
            default -> 1;
        };
        if (n * mult > Integer.MAX_VALUE) {
            throw new TypeConversionException("size too large: '" + text + "'");
        }
        return (int) (n * mult);
    }

    static long count(String text) {
        Matcher m = COUNT.matcher(text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", ""));
        if (!m.matches()) {
            throw new TypeConversionException("not a count: '" + text + "' (examples: 1000, 100k, 1m)");
        }
        long mult = switch (m.group(2)) {
            case "k" -> 1_000;
            case "m" -> 1_000_000;
            default -> 1;
        };
        return Math.multiplyExact(Long.parseLong(m.group(1)), mult);
    }

    static Duration duration(String text) {
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("not a duration: '" + text + "' (examples: 500ms, 10s, 2m)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
