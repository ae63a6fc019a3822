package io.nats4j.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCertificatesTest {

    private static X509Certificate read(java.nio.file.Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void writesPemFilesSignedByTheCaWithTheDefaultNames() throws Exception {
        TestCertificates certs = TestCertificates.generate();
        X509Certificate ca = read(certs.caCert());
        X509Certificate server = read(certs.serverCert());
        X509Certificate client = read(certs.clientCert());
        assertTrue(ca.getBasicConstraints() >= 0, "CA has basicConstraints CA:true");
        server.verify(ca.getPublicKey());
        client.verify(ca.getPublicKey());
        Collection<List<?>> sans = server.getSubjectAlternativeNames();
        List<String> names = sans.stream().map(l -> l.get(1).toString()).collect(Collectors.toList());
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.equals("0:0:0:0:0:0:0:1") || n.equals("::1")), names.toString());
        assertTrue(Files.readString(certs.serverKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(certs.clientKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(ca, certs.caCertificate());
        // no keystore or CSR left next to the PEM files
        try (var files = Files.list(certs.caCert().getParent())) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void customNamesReplaceTheDefaults() throws Exception {
        TestCertificates certs = TestCertificates.generate("DNS:example.invalid");
        List<String> names = read(certs.serverCert()).getSubjectAlternativeNames().stream()
            .map(l -> l.get(1).toString()).collect(Collectors.toList());
        assertEquals(List.of("example.invalid"), names);
        // each generate() makes its own CA (TlsTest checks that one CA's clients reject another's server)
        assertNotEquals(certs.caCertificate().getPublicKey(), read(certs.serverCert()).getPublicKey());
    }

    @Test
    void badNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TestCertificates.generate(new String[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TestCertificates.generate("URI:x"));
        assertTrue(e.getMessage().contains("DNS or IP"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestCertificates.generate("localhost"));
    }
}
