package io.nats4j.bench.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds an {@link SSLContext} from PEM files, as {@code nats bench --tlsca/--tlscert/--tlskey} take them. */
public final class PemTls {

    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemTls() {
    }

    /**
     * Builds the context.
     *
     * @param ca CA certificates to trust, or {@code null} for the JDK's default trust store
     * @param cert client certificate chain for mutual TLS, or {@code null}
     * @param key the client's PKCS#8 private key, or {@code null}
     * @return a TLS context
     * @throws BenchException naming the file that could not be used
     */
    public static SSLContext context(Path ca, Path cert, Path key) {
        try {
            TrustManagerFactory tmf = null;
            if (ca != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(ca, "--tlsca")) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (cert != null) {
                List<Certificate> chain = certificates(cert, "--tlscert");
                char[] pass = "in-memory".toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", privateKey(key), pass, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pass);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new BenchException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path file, String option) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> all = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (all.isEmpty()) {
                throw new BenchException(option + " " + file + ": no certificate in the file");
            }
            return all;
        } catch (IOException e) {
            throw new BenchException(option + " " + file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new BenchException(option + " " + file + ": not a PEM certificate", e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new BenchException("--tlskey " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        Matcher m = KEY.matcher(text);
        if (!m.find()) {
            throw new BenchException("--tlskey " + file + ": expected an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new BenchException("--tlskey " + file + ": not an EC, RSA or Ed25519 key");
    }
}
