package io.nats4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fresh certificate authority with a server and a client certificate, generated at run time with
 * the JDK's {@code keytool} and written as PEM files into a temporary directory (deleted when the
 * JVM exits). Nothing is checked in, and two {@link #generate()} calls give unrelated CAs, which is
 * what "untrusted CA" tests need.
 *
 * <p>By default the server certificate names {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
 * Keys are EC P-256.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.generate();
 * NatsServerConfig cfg = NatsServerConfig.builder().tls(certs).build();
 * SSLContext trusting = certs.clientContext();
 * }</pre>
 *
 * <p>Pitfall: generation starts several {@code keytool} processes and takes a second or more;
 * generate once per test class, not per test.
 */
public final class TestCertificates {

    private static final String[] DEFAULT_SAN = {"DNS:localhost", "IP:127.0.0.1", "IP:::1"};
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final AtomicLong OUTPUT_COUNTER = new AtomicLong();

    private final Path dir;
    private final X509Certificate ca;
    private final X509Certificate server;
    private final PrivateKey serverKey;
    private final X509Certificate client;
    private final PrivateKey clientKey;

    private TestCertificates(Path dir, X509Certificate ca, X509Certificate server, PrivateKey serverKey,
            X509Certificate client, PrivateKey clientKey) {
        this.dir = dir;
        this.ca = ca;
        this.server = server;
        this.serverKey = serverKey;
        this.client = client;
        this.clientKey = clientKey;
    }

    /**
     * Generates a new CA, a server certificate for {@code localhost}, {@code 127.0.0.1} and
     * {@code ::1}, and a client certificate.
     *
     * @return the certificates
     * @throws NatsTestingException if {@code keytool} is missing or fails
     */
    public static TestCertificates generate() {
        return generate(DEFAULT_SAN);
    }

    /**
     * Generates a new CA, a server certificate with exactly the given subject alternative names,
     * and a client certificate. Use it for wrong-hostname tests, e.g.
     * {@code generate("DNS:example.invalid")}.
     *
     * @param serverSanEntries entries of the form {@code DNS:name} or {@code IP:address}; at least one
     * @return the certificates
     * @throws IllegalArgumentException if no entry is given or an entry is malformed
     * @throws NatsTestingException if {@code keytool} is missing or fails
     */
    public static TestCertificates generate(String... serverSanEntries) {
        String san = sanExtension(serverSanEntries);
        Path dir = Fixtures.tempDir("nats4j-certs-");
        try {
            return create(dir, san);
        } catch (RuntimeException e) {
            Fixtures.deleteDir(dir);
            throw e;
        }
    }

    private static String sanExtension(String[] entries) {
        if (entries == null || entries.length == 0) {
            throw new IllegalArgumentException("at least one subject alternative name is needed");
        }
        List<String> parts = new ArrayList<>();
        for (String e : entries) {
            int colon = e == null ? -1 : e.indexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw new IllegalArgumentException("SAN entry must look like DNS:name or IP:address, was: " + e);
            }
            String type = e.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = e.substring(colon + 1);
            if (!type.equals("dns") && !type.equals("ip")) {
                throw new IllegalArgumentException("SAN entry type must be DNS or IP, was: " + e);
            }
            if (value.contains(",") || value.isBlank()) {
                throw new IllegalArgumentException("SAN entry value must not be blank or contain ',': " + e);
            }
            parts.add(type + ":" + value);
        }
        return "SAN=" + String.join(",", parts);
    }

    private static TestCertificates create(Path dir, String serverSan) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        // The keystores live only in the temp dir for the few seconds of generation.
        String storePass = HexFormat.of().formatHex(random);
        Path caStore = dir.resolve("ca.p12");
        Path serverStore = dir.resolve("server.p12");
        Path clientStore = dir.resolve("client.p12");
        String id = HexFormat.of().formatHex(random, 0, 4);

        // Independent keytool runs in parallel: each is a JVM start, so this roughly halves the time.
        // Own threads, because the common pool has a single worker on a two-core machine.
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "nats4j-testing-keytool");
            t.setDaemon(true);
            return t;
        });
        try {
            return create(dir, serverSan, storePass, id, caStore, serverStore, clientStore, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static TestCertificates create(Path dir, String serverSan, String storePass, String id, Path caStore,
            Path serverStore, Path clientStore, Executor pool) {
        CompletableFuture<Void> caF = CompletableFuture.runAsync(() -> keytool(dir, storePass,
            "-genkeypair", "-alias", "ca", "-dname", "CN=nats4j test CA " + id,
            "-ext", "bc:c", "-ext", "KU=keyCertSign,cRLSign", "-keystore", caStore.toString()), pool);
        CompletableFuture<Void> serverF = CompletableFuture.runAsync(() -> {
            keytool(dir, storePass, "-genkeypair", "-alias", "leaf", "-dname", "CN=localhost",
                "-keystore", serverStore.toString());
            keytool(dir, storePass, "-certreq", "-alias", "leaf", "-keystore", serverStore.toString(),
                "-file", dir.resolve("server.csr").toString());
        }, pool);
        CompletableFuture<Void> clientF = CompletableFuture.runAsync(() -> {
            keytool(dir, storePass, "-genkeypair", "-alias", "leaf", "-dname", "CN=nats4j test client",
                "-keystore", clientStore.toString());
            keytool(dir, storePass, "-certreq", "-alias", "leaf", "-keystore", clientStore.toString(),
                "-file", dir.resolve("client.csr").toString());
        }, pool);
        join(CompletableFuture.allOf(caF, serverF, clientF));
        CompletableFuture<Void> signServer = CompletableFuture.runAsync(() -> keytool(dir, storePass,
            "-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-rfc",
            "-infile", dir.resolve("server.csr").toString(), "-outfile", dir.resolve("server.crt").toString(),
            "-ext", serverSan, "-ext", "EKU=serverAuth", "-ext", "KU=digitalSignature,keyEncipherment"), pool);
        CompletableFuture<Void> signClient = CompletableFuture.runAsync(() -> keytool(dir, storePass,
            "-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-rfc",
            "-infile", dir.resolve("client.csr").toString(), "-outfile", dir.resolve("client.crt").toString(),
            "-ext", "EKU=clientAuth", "-ext", "KU=digitalSignature,keyEncipherment"), pool);
        join(CompletableFuture.allOf(signServer, signClient));

        try {
            KeyStore caKs = load(caStore, storePass);
            X509Certificate ca = (X509Certificate) caKs.getCertificate("ca");
            PrivateKey serverKey = privateKey(load(serverStore, storePass), storePass);
            PrivateKey clientKey = privateKey(load(clientStore, storePass), storePass);
            X509Certificate server = readCert(dir.resolve("server.crt"));
            X509Certificate client = readCert(dir.resolve("client.crt"));

            writePem(dir.resolve("ca.pem"), "CERTIFICATE", ca.getEncoded());
            writePem(dir.resolve("server-cert.pem"), "CERTIFICATE", server.getEncoded());
            writePem(dir.resolve("server-key.pem"), "PRIVATE KEY", serverKey.getEncoded());
            writePem(dir.resolve("client-cert.pem"), "CERTIFICATE", client.getEncoded());
            writePem(dir.resolve("client-key.pem"), "PRIVATE KEY", clientKey.getEncoded());
            for (String leftover : new String[] {"ca.p12", "server.p12", "client.p12", "server.csr",
                "client.csr", "server.crt", "client.crt"}) {
                Files.deleteIfExists(dir.resolve(leftover));
            }
            return new TestCertificates(dir, ca, server, serverKey, client, clientKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new NatsTestingException("cannot read the certificates keytool generated", e);
        }
    }

    private static void join(CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof NatsTestingException nte) {
                throw nte;
            }
            throw new NatsTestingException("certificate generation failed", e.getCause());
        }
    }

    private static void keytool(Path dir, String storePass, String... args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new NatsTestingException("keytool not found at " + keytool
                + "; TestCertificates needs a full JDK (java.home must contain bin/keytool)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(keytool.toString());
        // keytool is a short-lived JVM: start it cheaply.
        cmd.add("-J-XX:TieredStopAtLevel=1");
        cmd.add("-J-XX:+UseSerialGC");
        cmd.add("-J-Xshare:auto");
        cmd.addAll(List.of(args));
        if (args[0].equals("-genkeypair")) {
            cmd.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                "-startdate", "-1d", "-storetype", "PKCS12", "-keypass", storePass));
        } else if (args[0].equals("-gencert")) {
            cmd.addAll(List.of("-validity", "7", "-startdate", "-1d"));
        }
        cmd.addAll(List.of("-storepass", storePass, "-noprompt"));
        Path out = dir.resolve("keytool-" + OUTPUT_COUNTER.incrementAndGet() + ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
            if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NatsTestingException("keytool " + args[0] + " did not finish in "
                    + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(out);
            Files.deleteIfExists(out);
            if (p.exitValue() != 0) {
                throw new NatsTestingException("keytool " + args[0] + " failed with exit code "
                    + p.exitValue() + ": " + output.replace(storePass, "***"));
            }
        } catch (IOException e) {
            throw new NatsTestingException("cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsTestingException("interrupted while running keytool", e);
        }
    }

    private static KeyStore load(Path file, String pass) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, pass.toCharArray());
        }
        return ks;
    }

    private static PrivateKey privateKey(KeyStore ks, String pass) throws GeneralSecurityException {
        Key key = ks.getKey("leaf", pass.toCharArray());
        if (!(key instanceof PrivateKey pk)) {
            throw new GeneralSecurityException("keystore has no private key under alias 'leaf'");
        }
        return pk;
    }

    private static X509Certificate readCert(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
            StandardCharsets.US_ASCII);
    }

    /**
     * Returns the CA certificate file (PEM).
     *
     * @return the path of {@code ca.pem}
     */
    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    /**
     * Returns the server certificate file (PEM), signed by the CA.
     *
     * @return the path of {@code server-cert.pem}
     */
    public Path serverCert() {
        return dir.resolve("server-cert.pem");
    }

    /**
     * Returns the server private key file (PEM, unencrypted PKCS#8).
     *
     * @return the path of {@code server-key.pem}
     */
    public Path serverKey() {
        return dir.resolve("server-key.pem");
    }

    /**
     * Returns the client certificate file (PEM), signed by the CA, for mutual TLS.
     *
     * @return the path of {@code client-cert.pem}
     */
    public Path clientCert() {
        return dir.resolve("client-cert.pem");
    }

    /**
     * Returns the client private key file (PEM, unencrypted PKCS#8).
     *
     * @return the path of {@code client-key.pem}
     */
    public Path clientKey() {
        return dir.resolve("client-key.pem");
    }

    /**
     * Returns the CA certificate.
     *
     * @return the CA certificate
     */
    public X509Certificate caCertificate() {
        return ca;
    }

    /**
     * Returns a client TLS context that trusts only this CA and presents no client certificate.
     * Hostname verification is up to the socket's {@code SSLParameters}, as with any
     * {@link SSLContext}.
     *
     * @return a new TLS context
     * @throws NatsTestingException if the context cannot be built
     */
    public SSLContext clientContext() {
        return context(null, null);
    }

    /**
     * Returns a client TLS context that trusts only this CA and presents the client certificate
     * (mutual TLS).
     *
     * @return a new TLS context
     * @throws NatsTestingException if the context cannot be built
     */
    public SSLContext clientContextWithCertificate() {
        return context(clientKey, client);
    }

    /**
     * Returns a server TLS context with the server certificate and key, trusting this CA for client
     * certificates; for scripted fake TLS servers (see {@link FakeServer#startTls}).
     *
     * @return a new TLS context
     * @throws NatsTestingException if the context cannot be built
     */
    public SSLContext serverContext() {
        return context(serverKey, server);
    }

    private SSLContext context(PrivateKey key, X509Certificate cert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (key != null) {
                char[] pass = "in-memory".toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("leaf", key, pass, new Certificate[] {cert, ca});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pass);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new NatsTestingException("cannot build a TLS context from the test certificates", e);
        }
    }

    /**
     * Describes the certificates by their directory and CA subject; no key material.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TestCertificates[" + dir + ", ca=" + ca.getSubjectX500Principal().getName() + "]";
    }
}
