package io.nats4j.moduletests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The build as its files describe it: the parent POM's modules and each module's module-info. */
final class Reactor {

    /** Reactor entries that are not SDK modules: the BOM itself, examples, these tests, the benchmark tool. */
    static final Set<String> NOT_PUBLISHED = Set.of("nats-bom", "examples", "module-tests", "nats-bench");

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{");

    /** One SDK module: its directory (= artifactId), its module name and its module-info source. */
    record SdkModule(String artifactId, String name, Path moduleInfo) {

        Path sources() {
            return moduleInfo.getParent();
        }
    }

    private Reactor() {
    }

    static Document xml(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The parent POM's {@code <module>} entries, in order. */
    static List<String> modules() {
        NodeList nodes = xml(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    /** Every module of the parent POM that ships with module-info (the benchmark tool included). */
    static List<SdkModule> sdkModules(boolean withBench) {
        List<SdkModule> out = new ArrayList<>();
        for (String dir : modules()) {
            if (NOT_PUBLISHED.contains(dir) && !(withBench && dir.equals("nats-bench"))) {
                continue;
            }
            Path info = ROOT.resolve(dir).resolve("src/main/java/module-info.java");
            if (!Files.exists(info)) {
                throw new AssertionError(dir + " has no src/main/java/module-info.java: every nats4j module is a named module");
            }
            out.add(new SdkModule(dir, moduleName(info), info));
        }
        return out;
    }

    static String moduleName(Path moduleInfo) {
        Matcher m = MODULE.matcher(stripComments(read(moduleInfo)));
        if (!m.find()) {
            throw new AssertionError("no module declaration in " + moduleInfo);
        }
        return m.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stripComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    /** The text of the first child element with that tag, or null. */
    static String child(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }
}
