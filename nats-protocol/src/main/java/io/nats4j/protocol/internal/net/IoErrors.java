package io.nats4j.protocol.internal.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Builds the socket layer's exception messages: each names the server (redacted URL) and keeps the
 * JDK exception type, so that callers can still tell a timeout from a refused connection.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /**
     * An exception of the same kind as {@code e}, with {@code message} and {@code e} as its cause.
     *
     * @param e the original exception
     * @param message what failed, naming the server
     * @return the exception to throw
     */
    public static IOException withContext(IOException e, String message) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String text = message + ": " + detail;
        IOException out;
        if (e instanceof SSLHandshakeException) {
            out = new SSLHandshakeException(text);
        } else if (e instanceof SSLException) {
            out = new SSLException(text);
        } else if (e instanceof SocketTimeoutException) {
            out = new SocketTimeoutException(text);
        } else if (e instanceof ConnectException) {
            out = new ConnectException(text);
        } else if (e instanceof NoRouteToHostException) {
            out = new NoRouteToHostException(text);
        } else if (e instanceof UnknownHostException) {
            out = new UnknownHostException(text);
        } else if (e instanceof EOFException) {
            out = new EOFException(text);
        } else if (e instanceof SocketException) {
            out = new SocketException(text);
        } else {
            return new IOException(text, e);
        }
        out.initCause(e);
        return out;
    }
}
