package io.nats4j.moduletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The documentation of every module: javadoc of all of them builds with doclint on and no warning,
 * every {@code module-info.java} carries module docs, and {@code docs/modules.md} shows each module's
 * directives as they are.
 */
class DocsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DOC_BEFORE_MODULE =
            Pattern.compile("(?s)/\\*\\*(.*?)\\*/\\s*(?:(?://[^\\n]*\\n|@[\\w.]+(?:\\([^)]*\\))?)\\s*)*(?:open\\s+)?module\\s");

    /** The directives of a module declaration, comments and layout dropped, in a stable order. */
    static Set<String> directives(String declaration) {
        String body = Reactor.stripComments(declaration);
        body = body.substring(body.indexOf('{') + 1, body.lastIndexOf('}'));
        return Arrays.stream(body.split(";")).map(d -> d.replaceAll("\\s+", " ").trim()).filter(d -> !d.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The directives an application sees: qualified exports and opens (plumbing between our own
     * modules, which several branches add to) are left to the prose.
     */
    static Set<String> publicDirectives(String declaration) {
        Set<String> all = directives(declaration);
        all.removeIf(d -> (d.startsWith("exports ") || d.startsWith("opens ")) && d.contains(" to "));
        return all;
    }

    @Test
    void everyModuleInfoHasModuleDocs() {
        for (Reactor.SdkModule m : Reactor.sdkModules(true)) {
            Matcher doc = DOC_BEFORE_MODULE.matcher(Reactor.read(m.moduleInfo()));
            assertTrue(doc.find() && doc.group(1).replaceAll("[\\s*]+", " ").trim().length() > 20,
                    m.moduleInfo() + " needs a module-level doc comment saying what the module is for");
        }
    }

    @Test
    void docsModulesMdShowsEveryModuleInfoAsItIs() {
        String doc = Reactor.read(Reactor.ROOT.resolve("docs/modules.md"));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher block = JAVA_BLOCK.matcher(doc);
        while (block.find()) {
            String code = block.group(1);
            Matcher decl = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{").matcher(Reactor.stripComments(code));
            if (decl.find() && code.contains("}")) {
                documented.putIfAbsent(decl.group(1), publicDirectives(code));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Reactor.SdkModule m : Reactor.sdkModules(false)) {
            String source = Reactor.read(m.moduleInfo());
            Set<String> actual = publicDirectives(source);
            Set<String> shown = documented.get(m.name());
            if (!actual.equals(shown)) {
                wrong.add(m.name() + ": docs/modules.md shows " + (shown == null ? "no ```java block declaring it" : shown)
                        + "; " + m.moduleInfo() + " declares:\n" + source.substring(source.indexOf("module ")));
            }
        }
        assertTrue(wrong.isEmpty(), "docs/modules.md is out of date; copy the module-info declarations:\n"
                + String.join("\n", wrong));
    }

    /**
     * Javadoc of every published module at once, as a user's IDE or javadoc.io would build it. The
     * benchmark tool is left out (its automatic-module dependencies are not on this path); javac's
     * doclint checks its comments when it compiles.
     */
    @Test
    void javadocOfEveryModuleBuildsWithoutWarnings() {
        List<Reactor.SdkModule> modules = Reactor.sdkModules(false);
        Set<String> required = new TreeSet<>();
        for (Reactor.SdkModule m : modules) {
            for (String d : directives(Reactor.read(m.moduleInfo()))) {
                if (d.startsWith("requires ")) {
                    String[] words = d.split(" ");
                    required.add(words[words.length - 1]);
                }
            }
        }
        List<String> args = new ArrayList<>(List.of("-Xdoclint:all", "-Werror", "-quiet", "--show-module-contents", "api",
                "-d", Path.of("target/apidocs").toAbsolutePath().toString(), "-p", externalModulePath(required)));
        for (Reactor.SdkModule m : modules) {
            args.addAll(List.of("--module-source-path", m.name() + "=" + m.sources()));
        }
        args.addAll(List.of("--module", modules.stream().map(Reactor.SdkModule::name).collect(Collectors.joining(","))));
        Launch.Result r = Launch.run(Jdks.build(), "javadoc", args);
        assertEquals(0, r.exit(), r.describe());
        assertTrue(!r.output().contains("warning"), r.describe());
    }

    /** The test class path's jars holding the modules ours require, and what those require in turn. */
    private static String externalModulePath(Set<String> required) {
        Map<String, java.lang.module.ModuleDescriptor> byName = new TreeMap<>();
        Map<String, String> jarOf = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!entry.endsWith(".jar") || p.toAbsolutePath().startsWith(Reactor.ROOT)) {
                continue;
            }
            Set<ModuleReference> refs = ModuleFinder.of(p).findAll();
            if (refs.size() == 1) {
                var d = refs.iterator().next().descriptor();
                byName.putIfAbsent(d.name(), d);
                jarOf.putIfAbsent(d.name(), entry);
            }
        }
        Set<String> needed = new TreeSet<>();
        List<String> todo = new ArrayList<>(required);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            var d = byName.get(name);
            if (d != null && needed.add(name)) {
                d.requires().forEach(r -> todo.add(r.name()));
            }
        }
        return needed.stream().map(jarOf::get).collect(Collectors.joining(File.pathSeparator));
    }
}
