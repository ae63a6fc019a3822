package com.example.nats.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets marked {@code <!-- example: File.java#name -->} are the code between
 * {@code // README: name} and {@code // README: end} in that file of this module, so they compile and
 * cannot rot.
 */
class ReadmeSnippetsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern MARKED =
            Pattern.compile("<!-- example: ([\\w/]+\\.java)#(\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static String region(Path file, String name) throws IOException {
        String text = Files.readString(file);
        Matcher m = Pattern.compile("// README: " + name + "\\n(.*?)\\n\\s*// README: end", Pattern.DOTALL).matcher(text);
        if (!m.find()) {
            fail(file + " has no region '// README: " + name + "' ... '// README: end'");
        }
        return m.group(1);
    }

    private static Path source(String relative) {
        for (String root : List.of("src/main/java/com/example/nats/apps", "src/test/java/com/example/nats/apps")) {
            Path p = MODULE.resolve(root).resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        return fail("README names " + relative + ", which is not in " + MODULE);
    }

    @Test
    void markedSnippetsAreTheCompiledExamples() throws IOException {
        Path readme = MODULE.resolve("../../README.md").normalize();
        Matcher m = MARKED.matcher(Files.readString(readme));
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String expected = normalized(region(source(m.group(1)), m.group(2)));
            assertEquals(expected, normalized(m.group(3)),
                    "README snippet " + m.group(1) + "#" + m.group(2) + " differs from the compiled example; copy it from there");
            checked.add(m.group(2));
        }
        assertTrue(checked.containsAll(List.of("hello", "connecting", "testing")), "snippets checked: " + checked);
    }
}
