package io.nats4j.moduletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code nats-bom} manages every published nats4j artifact at the build's version, and nothing else. */
class BomTest {

    @Test
    void theBomListsEveryPublishedModuleAtTheBuildVersion() {
        Document parent = Reactor.xml(Reactor.ROOT.resolve("pom.xml"));
        Document bom = Reactor.xml(Reactor.ROOT.resolve("nats-bom/pom.xml"));
        Element bomRoot = bom.getDocumentElement();
        assertEquals(0, bomRoot.getElementsByTagName("parent").getLength(),
                "the BOM must not inherit the parent's dependencyManagement (jackson, JUnit, JMH, jnats)");
        String version = Reactor.child(parent.getDocumentElement(), "version");
        assertEquals(version, directChild(bomRoot, "version"), "nats-bom's version must be the parent's");
        assertEquals("pom", directChild(bomRoot, "packaging"));

        Set<String> managed = new TreeSet<>();
        NodeList deps = bomRoot.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertEquals("io.nats4j", Reactor.child(d, "groupId"), "the BOM manages only nats4j's own artifacts");
            assertEquals("${project.version}", Reactor.child(d, "version"), Reactor.child(d, "artifactId"));
            managed.add(Reactor.child(d, "artifactId"));
        }
        Set<String> published = new TreeSet<>();
        for (Reactor.SdkModule m : Reactor.sdkModules(false)) {
            published.add(m.artifactId());
        }
        List<String> missing = new ArrayList<>(published);
        missing.removeAll(managed);
        assertTrue(missing.isEmpty(), "add to nats-bom/pom.xml: " + missing);
        List<String> strangers = new ArrayList<>(managed);
        strangers.removeAll(published);
        assertTrue(strangers.isEmpty(), "nats-bom/pom.xml manages artifacts the build does not publish: " + strangers);
    }

    private static String directChild(Element e, String tag) {
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }
}
