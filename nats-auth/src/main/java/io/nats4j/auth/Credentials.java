package io.nats4j.auth;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of a NATS {@code .creds} file: a user JWT and the user's NKey seed.
 *
 * <p>The format, as written by {@code nsc}: a block delimited by {@code -----BEGIN NATS USER JWT-----}
 * and an end line, holding the JWT, and a block {@code -----BEGIN USER NKEY SEED-----} holding the
 * seed. Delimiter lines are any lines starting and ending with three or more dashes; lines outside
 * the blocks (the "IMPORTANT" banner, comments), blank lines and CRLF line endings are accepted.
 *
 * <pre>{@code
 * Credentials creds = Credentials.load(Path.of("user.creds"));
 * try {
 *     String jwt = creds.jwt();
 *     byte[] sig = creds.nkey().sign(nonce);
 * } finally {
 *     creds.clear();
 * }
 * }</pre>
 *
 * <p>{@link #toString()} names the user public key only; neither the JWT nor the seed is ever put in
 * an exception message.
 */
public final class Credentials {

    private final String jwt;
    private final NKey nkey;
    private final JwtClaims claims;

    private Credentials(String jwt, NKey nkey, JwtClaims claims) {
        this.jwt = jwt;
        this.nkey = nkey;
        this.claims = claims;
    }

    /**
     * Parses the text of a {@code .creds} file.
     *
     * @param credsFileText the file contents
     * @return the JWT and key pair
     * @throws NatsAuthException when a block is missing or unterminated, the seed is not a valid user
     *     seed, the JWT cannot be decoded or does not belong to the seed
     */
    public static Credentials parse(String credsFileText) {
        if (credsFileText == null) {
            throw new NatsAuthException("credentials text must not be null");
        }
        char[] text = credsFileText.toCharArray();
        try {
            return parse(text, "credentials");
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    /**
     * Reads and parses a {@code .creds} file. Temporary copies of the file contents are wiped.
     *
     * @param file the file
     * @return the JWT and key pair
     * @throws NatsAuthException when the file is missing or unreadable, or malformed as described in
     *     {@link #parse(String)}; the message names the file, never its contents
     */
    public static Credentials load(Path file) {
        if (file == null) {
            throw new NatsAuthException("credentials file must not be null");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NatsAuthException("credentials file not found: " + file, e);
        } catch (IOException e) {
            throw new NatsAuthException("cannot read credentials file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            char[] text = new char[chars.remaining()];
            chars.get(text);
            try {
                return parse(text, "credentials file " + file);
            } finally {
                Arrays.fill(text, '\0');
            }
        } catch (CharacterCodingException e) {
            throw new NatsAuthException("credentials file " + file + " is not valid UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    private static Credentials parse(char[] text, String source) {
        String jwt = null;
        char[] seed = null;
        try {
            int pos = text.length > 0 && text[0] == '\uFEFF' ? 1 : 0; // a byte-order mark some editors write
            while (pos < text.length) {
                int[] line = nextLine(text, pos);
                pos = line[2];
                String label = delimiterLabel(text, line[0], line[1]);
                if (label == null || !label.startsWith("BEGIN")) {
                    continue; // banner, comment or blank line outside a block
                }
                // The block content: the non-blank lines up to the next delimiter line.
                int contentStart = -1;
                int contentEnd = -1;
                int contentLines = 0;
                boolean terminated = false;
                while (pos < text.length) {
                    int[] inner = nextLine(text, pos);
                    pos = inner[2];
                    if (delimiterLabel(text, inner[0], inner[1]) != null) {
                        terminated = true;
                        break;
                    }
                    if (inner[1] > inner[0]) {
                        contentStart = inner[0];
                        contentEnd = inner[1];
                        contentLines++;
                    }
                }
                if (!terminated) {
                    throw new NatsAuthException(source + ": block '" + label + "' has no end line");
                }
                if (contentLines != 1) {
                    throw new NatsAuthException(source + ": block '" + label
                            + "' must hold exactly one non-blank line, found " + contentLines);
                }
                if (label.contains("JWT")) {
                    if (jwt == null) {
                        jwt = new String(text, contentStart, contentEnd - contentStart);
                    }
                } else if (label.contains("SEED")) {
                    if (seed == null) {
                        seed = Arrays.copyOfRange(text, contentStart, contentEnd);
                    }
                }
            }
            if (jwt == null) {
                throw new NatsAuthException(source + ": no '-----BEGIN NATS USER JWT-----' block");
            }
            if (seed == null) {
                throw new NatsAuthException(source + ": no '-----BEGIN USER NKEY SEED-----' block");
            }
            NKey key;
            try {
                key = NKey.fromSeed(seed);
            } catch (NatsException e) {
                throw new NatsAuthException(source + ": " + e.getMessage(), e);
            }
            if (key.type() != NKey.Type.USER) {
                key.clear();
                throw new NatsAuthException(source + ": the seed is a " + key.type() + " seed, not a USER seed");
            }
            JwtClaims claims;
            try {
                claims = Jwt.decode(jwt);
            } catch (NatsException e) {
                key.clear();
                throw new NatsAuthException(source + ": " + e.getMessage(), e);
            }
            if (!claims.subject().equals(key.publicKey())) {
                key.clear();
                throw new NatsAuthException(source + ": the JWT subject " + claims.subject()
                        + " does not match the seed's public key " + key.publicKey());
            }
            return new Credentials(jwt, key, claims);
        } finally {
            if (seed != null) {
                Arrays.fill(seed, '\0');
            }
        }
    }

    /** Returns {trimmedStart, trimmedEnd, nextLineStart} for the line starting at {@code pos}. */
    private static int[] nextLine(char[] text, int pos) {
        int end = pos;
        while (end < text.length && text[end] != '\n') {
            end++;
        }
        int next = end < text.length ? end + 1 : end;
        int start = pos;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--; // also drops the '\r' of CRLF
        }
        return new int[] {start, end, next};
    }

    /**
     * The label of a delimiter line ("BEGIN NATS USER JWT"), or null when the line is not one.
     * A delimiter starts and ends with at least three dashes; only such lines become strings.
     */
    private static String delimiterLabel(char[] text, int start, int end) {
        if (end - start < 6 || !dashes(text, start, 3) || !dashes(text, end - 3, 3)) {
            return null;
        }
        int s = start;
        int e = end;
        while (s < e && text[s] == '-') {
            s++;
        }
        while (e > s && text[e - 1] == '-') {
            e--;
        }
        return new String(text, s, e - s).trim();
    }

    private static boolean dashes(char[] text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (text[i] != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * The user JWT; a secret: do not log it.
     *
     * @return the JWT
     */
    public String jwt() {
        return jwt;
    }

    /**
     * The user key pair from the seed block; call {@link #clear()} (or {@code nkey().clear()}) when
     * done signing.
     *
     * @return the key pair
     */
    public NKey nkey() {
        return nkey;
    }

    /**
     * The decoded claims of {@link #jwt()} (not signature-checked), for example to warn before
     * expiry.
     *
     * @return the claims
     */
    public JwtClaims claims() {
        return claims;
    }

    /** Wipes the seed held by {@link #nkey()}. Idempotent. */
    public void clear() {
        nkey.clear();
    }

    /**
     * Names the user, without the JWT or the seed.
     *
     * @return for example {@code Credentials[user=UD3..., jwt=***, seed=***]}
     */
    @Override
    public String toString() {
        return "Credentials[user=" + nkey.publicKey() + ", jwt=***, seed=***]";
    }
}
