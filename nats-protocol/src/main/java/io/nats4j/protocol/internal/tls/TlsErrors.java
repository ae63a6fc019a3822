package io.nats4j.protocol.internal.tls;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns {@link javax.net.ssl.SSLEngine} failures into messages that name the server, say it is TLS
 * and, where it can tell, why (untrusted certificate, host name mismatch, not a TLS port).
 */
public final class TlsErrors {

    private TlsErrors() {
    }

    /**
     * Turns a TLS failure into a message that says it is TLS and, where it can tell, why.
     *
     * @param e the engine's exception
     * @param where the redacted server URL
     * @param peerHost the host name the certificate was checked against
     * @param plainTextReply whether the server's first bytes looked like plain NATS text
     * @param duringHandshake whether the handshake was running (else an established session failed)
     * @return an {@link SSLHandshakeException} (or {@link SSLException} after the handshake)
     */
    public static SSLException tls(SSLException e, String where, String peerHost, boolean plainTextReply,
            boolean duringHandshake) {
        String reason = tlsReason(e, peerHost, plainTextReply);
        String text = (duringHandshake ? "TLS handshake with " : "TLS connection to ") + where
                + " failed: " + reason;
        SSLException out = duringHandshake ? new SSLHandshakeException(text) : new SSLException(text);
        out.initCause(e);
        return out;
    }

    private static String tlsReason(SSLException e, String peerHost, boolean plainTextReply) {
        if (plainTextReply) {
            return "the server answered in plain text; it does not speak TLS on this port";
        }
        // the certificate checks first, across the whole chain: newer JDKs wrap them in an exception
        // whose own message names the alert (certificate_unknown) that a rejected client cert also causes
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return "the server's certificate is outside its validity period (" + t.getMessage() + ")";
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || (t.getMessage() != null && t.getMessage().contains("PKIX path"))) {
                return "the server's certificate is not trusted: no CA trusted by the SSLContext issued it";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no subject alternative") || m.contains("no name matching")) {
                return "the server's certificate does not match the host name '" + peerHost
                        + "' (hostname verification is on; set tlsHostname to the name in the"
                        + " certificate, or turn verification off only for tests)";
            }
            if (m.contains("certificate_required") || m.contains("bad_certificate")
                    || m.contains("unknown_ca") || m.contains("certificate_unknown")) {
                return "the server rejected the client certificate (or none was sent: mutual TLS needs"
                        + " a key manager with the client key in the SSLContext); " + t.getMessage();
            }
            if (m.contains("unsupported or unrecognized ssl message") || m.contains("plaintext connection")) {
                return "the server does not speak TLS on this port (" + t.getMessage() + ")";
            }
            if (m.contains("protocol_version") || m.contains("no appropriate protocol")
                    || m.contains("handshake_failure")) {
                return "no TLS version or cipher suite in common with the server (" + t.getMessage() + ")";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
