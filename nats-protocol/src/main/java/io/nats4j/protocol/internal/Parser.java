package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsProtocolException;
import io.nats4j.protocol.ServerInfo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Incremental, zero-copy parser for the operations a NATS server sends.
 *
 * <p>{@link #parse(ByteBuffer)} consumes every byte it is given and calls the sink for each complete
 * operation; an operation cut off at the end of the buffer is resumed by the next call. Not
 * thread-safe: one parser per connection, used by its reader thread.
 *
 * <p>Operation names are matched case-insensitively; control lines end with CRLF (a bare LF is
 * tolerated, as nats.go does). A {@code MSG}/{@code HMSG} that lies whole in the buffer is handed to
 * the sink as offsets into the buffer's own array: the sid is parsed to a {@code long}, the payload is
 * skipped by its declared length and never scanned, and nothing is allocated. Only a frame split
 * across calls is copied, into a scratch array owned by the parser, and its view points there.
 * {@code INFO} lines may be longer than the control-line limit, up to
 * {@code max(maxControlLine, 1 MiB)}, because a cluster's INFO lists every server.
 *
 * <p>Pitfalls: the sink must not keep the {@link MsgView} or its array past the callback. If the
 * sink throws, the exception propagates, the operation it was given counts as consumed and
 * {@code src}'s position is just after it, so the caller may call {@code parse(src)} again to go on.
 */
public final class Parser {

    /** Default longest control line (the op line before a payload), in bytes. */
    public static final int DEFAULT_MAX_CONTROL_LINE = 4096;

    /** Smallest control-line limit accepted: the longest op name with room for arguments. */
    public static final int MIN_CONTROL_LINE = 32;

    /** Largest control-line limit accepted. */
    public static final int MAX_CONTROL_LINE = 16 * 1024 * 1024;

    /** Longest {@code INFO} line accepted whatever the control-line limit. */
    static final int INFO_LIMIT = 1024 * 1024;

    /** Scratch arrays larger than this are dropped after use rather than kept per connection. */
    private static final int KEEP_SCRATCH = 8 * 1024 * 1024;

    /** Largest frame a Java array can hold with room for the longest control line. */
    private static final long MAX_FRAME = Integer.MAX_VALUE - 2L * MAX_CONTROL_LINE;

    private static final int IDLE = 0;
    /** A control line without its LF so far sits in {@code scratch[0, scratchLength)}. */
    private static final int LINE = 1;
    /** A whole MSG/HMSG control line and part of its payload sit in scratch; {@code remaining} to go. */
    private static final int PAYLOAD = 2;

    private static final int OP_MSG = 1;
    private static final int OP_HMSG = 2;
    private static final int OP_INFO = 3;
    private static final int OP_PING = 4;
    private static final int OP_PONG = 5;
    private static final int OP_OK = 6;
    private static final int OP_ERR = 7;

    private static final String[] OP_NAMES = {"?", "MSG", "HMSG", "INFO", "PING", "PONG", "+OK", "-ERR"};
    /** Op names as matched by the prefix check; a space stands for any blank. */
    private static final byte[][] OP_PREFIXES = {
        bytes("MSG "), bytes("HMSG "), bytes("INFO "), bytes("PING"), bytes("PONG"), bytes("+OK"), bytes("-ERR"),
    };

    /** Reads eight bytes of a byte[] at once, for the control-line scan. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ParserSink sink;
    private final MsgView view = new MsgView();
    private final int maxControlLine;
    private final int infoLimit;
    private long maxPayload;

    private int state = IDLE;
    private byte[] scratch;
    private int scratchLength;
    /** Bytes of payload plus trailing CRLF still to copy in the PAYLOAD state. */
    private int remaining;
    /** Set while the sink runs, so that an exception from it is not mistaken for a parse error. */
    private boolean delivering;
    /** Index in the current array just after the op being delivered. */
    private int next;
    private byte[] directChunk;

    // The frame being parsed: filled by parseLine, read when the payload is complete.
    private long sid;
    private int subjectStart;
    private int subjectLength;
    private int replyStart;
    private int replyLength;
    private int headerSize;
    private int totalSize;
    private int payloadStart;
    private int argStart;
    private int argEnd;
    private final int[] tokenStart = new int[5];
    private final int[] tokenEnd = new int[5];

    /**
     * Creates a parser with the default control-line limit and a payload limit of 64 MiB until the
     * server's {@code max_payload} is known.
     *
     * @param sink where operations go
     */
    public Parser(ParserSink sink) {
        this(sink, DEFAULT_MAX_CONTROL_LINE, 64L * 1024 * 1024);
    }

    /**
     * Creates a parser.
     *
     * @param sink where operations go
     * @param maxControlLine longest control line accepted, CRLF excluded; from {@link #MIN_CONTROL_LINE}
     *     to {@link #MAX_CONTROL_LINE}
     * @param maxPayload largest payload (headers included) accepted
     * @throws NatsIllegalArgumentException when a limit is out of range
     * @throws NullPointerException when {@code sink} is null
     */
    public Parser(ParserSink sink, int maxControlLine, long maxPayload) {
        if (sink == null) {
            throw new NullPointerException("sink");
        }
        if (maxControlLine < MIN_CONTROL_LINE || maxControlLine > MAX_CONTROL_LINE) {
            throw new NatsIllegalArgumentException("maxControlLine must be between " + MIN_CONTROL_LINE
                    + " and " + MAX_CONTROL_LINE + ": " + maxControlLine);
        }
        this.sink = sink;
        this.maxControlLine = maxControlLine;
        this.infoLimit = Math.max(maxControlLine, INFO_LIMIT);
        this.scratch = new byte[Math.min(maxControlLine + 2, 4096)];
        maxPayload(maxPayload);
    }

    /**
     * Sets the largest payload accepted, normally the server's {@code max_payload}.
     *
     * @param maxPayload the limit in bytes, headers included; values beyond what an array can hold
     *     are capped
     * @throws NatsIllegalArgumentException when negative
     */
    public void maxPayload(long maxPayload) {
        if (maxPayload < 0) {
            throw new NatsIllegalArgumentException("maxPayload must not be negative: " + maxPayload);
        }
        this.maxPayload = Math.min(maxPayload, MAX_FRAME);
    }

    /**
     * Parses every remaining byte of {@code src}.
     *
     * @param src a buffer, normally a heap buffer; its position advances to its limit. A direct or
     *     read-only buffer works but is copied in chunks first.
     * @throws NatsProtocolException on malformed input, naming the op (never the payload); the parser
     *     is then reset and the connection should be dropped
     */
    public void parse(ByteBuffer src) {
        if (!src.hasArray()) {
            parseCopied(src);
            return;
        }
        byte[] a = src.array();
        int base = src.arrayOffset();
        int limit = base + src.limit();
        try {
            run(a, base + src.position(), limit);
            src.position(src.limit());
        } catch (RuntimeException e) {
            if (delivering) {
                delivering = false;
                src.position(next - base);
            } else {
                reset();
                src.position(src.limit());
            }
            throw e;
        }
    }

    /** Direct and read-only buffers: copy through a chunk array, then parse it as a heap array. */
    private void parseCopied(ByteBuffer src) {
        if (directChunk == null) {
            directChunk = new byte[64 * 1024];
        }
        while (src.hasRemaining()) {
            int start = src.position();
            int n = Math.min(src.remaining(), directChunk.length);
            src.get(directChunk, 0, n);
            try {
                run(directChunk, 0, n);
            } catch (RuntimeException e) {
                if (delivering) {
                    delivering = false;
                    src.position(start + next);
                } else {
                    reset();
                    src.position(src.limit());
                }
                throw e;
            }
        }
    }

    /**
     * Whether no partial operation is pending.
     *
     * @return true between operations
     */
    public boolean isIdle() {
        return state == IDLE;
    }

    /** Drops any partial operation, for a new connection. */
    public void reset() {
        state = IDLE;
        scratchLength = 0;
        remaining = 0;
        delivering = false;
        if (scratch.length > KEEP_SCRATCH) {
            scratch = new byte[Math.min(maxControlLine + 2, 4096)];
        }
    }

    /** The scratch array's size, for tests that check memory stays bounded. */
    int scratchCapacity() {
        return scratch.length;
    }

    private void run(byte[] a, int p, int limit) {
        while (p < limit) {
            if (state == IDLE) {
                p = idle(a, p, limit);
            } else if (state == LINE) {
                p = line(a, p, limit);
            } else {
                p = payload(a, p, limit);
            }
        }
    }

    /** The fast path: a whole op in {@code a} is parsed and delivered in place. */
    private int idle(byte[] a, int p, int limit) {
        int op;
        int lf = fastMsgLine(a, p, limit);
        if (lf >= 0) {
            op = headerSize < 0 ? OP_MSG : OP_HMSG;
        } else {
            int max = lineLimit(a[p]);
            int scanEnd = (int) Math.min(limit, (long) p + max + 2);
            lf = indexOfLf(a, p, scanEnd);
            if (lf < 0) {
                if (scanEnd - p >= max + 2) {
                    throw tooLong(a, p, scanEnd - p, max);
                }
                checkPrefix(a, p, limit - p);
                ensureScratch(limit - p);
                System.arraycopy(a, p, scratch, 0, limit - p);
                scratchLength = limit - p;
                state = LINE;
                return limit;
            }
            op = parseLine(a, p, lf, max);
        }
        int after = lf + 1;
        if (op != OP_MSG && op != OP_HMSG) {
            next = after;
            deliver(op, a);
            return after;
        }
        long end = (long) after + totalSize + 2;
        if (end <= limit) {
            int e = (int) end;
            if (a[e - 2] != '\r' || a[e - 1] != '\n') {
                throw noCrlf(op);
            }
            next = e;
            deliverMsg(a, after);
            return e;
        }
        // Split frame: move the control line and the payload so far into scratch, offsets rebased.
        int lineLength = after - p;
        ensureScratch(lineLength + totalSize + 2);
        System.arraycopy(a, p, scratch, 0, limit - p);
        scratchLength = limit - p;
        subjectStart -= p;
        replyStart -= p;
        payloadStart = lineLength;
        remaining = totalSize + 2 - (limit - after);
        state = PAYLOAD;
        return limit;
    }

    /**
     * The common case in one pass: a well-formed {@code MSG}/{@code HMSG} control line with spaces
     * (not tabs) between arguments, wholly in {@code a}. Finds the LF and the argument boundaries together,
     * eight bytes at a time, and fills the frame fields.
     *
     * @return the index of the LF, or -1 to let the general path handle (or reject) the line
     */
    private int fastMsgLine(byte[] a, int p, int limit) {
        byte b = a[p];
        boolean hmsg;
        int i;
        if (b == 'M' || b == 'm') {
            if (limit - p < 4 || !is(a[p + 1], 'S') || !is(a[p + 2], 'G') || a[p + 3] != ' ') {
                return -1;
            }
            hmsg = false;
            i = p + 4;
        } else if (b == 'H' || b == 'h') {
            if (limit - p < 5 || !is(a[p + 1], 'M') || !is(a[p + 2], 'S') || !is(a[p + 3], 'G') || a[p + 4] != ' ') {
                return -1;
            }
            hmsg = true;
            i = p + 5;
        } else {
            return -1;
        }
        int end = (int) Math.min(limit, (long) p + maxControlLine + 2);
        int maxTokens = hmsg ? 5 : 4;
        int count = 0;
        while (true) {
            while (i < end && a[i] == ' ') {
                i++;
            }
            if (i >= end) {
                return -1;
            }
            b = a[i];
            if (b == '\r' || b == '\n') {
                break;
            }
            if ((b >= 0 && b <= ' ') || count == maxTokens) {
                return -1;
            }
            tokenStart[count] = i;
            i = scanToken(a, i + 1, end);
            if (i >= end) {
                return -1;
            }
            tokenEnd[count++] = i;
            b = a[i];
            if (b == '\r' || b == '\n') {
                break;
            }
            if (b != ' ') {
                return -1;
            }
        }
        int lf = i;
        if (b == '\r') {
            if (i + 1 >= end || a[i + 1] != '\n') {
                return -1;
            }
            lf = i + 1;
        }
        if (i - p > maxControlLine || count < maxTokens - 1) {
            return -1;
        }
        msgFields(a, count, hmsg);
        return lf;
    }

    /**
     * Finds the first byte in {@code [i, end)} that ends a token (0x00 to 0x20: blanks, CR, LF and
     * other control characters), eight bytes at a time; bytes of 0x80 and above (UTF-8) never do.
     *
     * @return its index, or {@code end}
     */
    private static int scanToken(byte[] a, int i, int end) {
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(a, i);
            // The lowest flagged byte is exactly the first byte below 0x21; borrows only add higher flags.
            long t = (x - 0x2121212121212121L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte b = a[i];
            if (b >= 0 && b <= ' ') {
                return i;
            }
        }
        return end;
    }

    /** Continues a control line cut off earlier. */
    private int line(byte[] a, int p, int limit) {
        int max = lineLimit(scratch[0]);
        int room = max + 2 - scratchLength;
        int scanEnd = (int) Math.min(limit, (long) p + room);
        int lf = indexOfLf(a, p, scanEnd);
        int take = (lf < 0 ? scanEnd : lf + 1) - p;
        int before = scratchLength;
        ensureScratch(before + take);
        System.arraycopy(a, p, scratch, before, take);
        scratchLength = before + take;
        if (lf < 0) {
            if (scratchLength >= max + 2) {
                throw tooLong(scratch, 0, scratchLength, max);
            }
            if (before < 6) {
                checkPrefix(scratch, 0, scratchLength);
            }
            return scanEnd;
        }
        int after = lf + 1;
        int op = parseLine(scratch, 0, scratchLength - 1, max);
        if (op == OP_MSG || op == OP_HMSG) {
            ensureScratch(scratchLength + totalSize + 2);
            payloadStart = scratchLength;
            remaining = totalSize + 2;
            state = PAYLOAD;
            return after;
        }
        state = IDLE;
        scratchLength = 0;
        next = after;
        deliver(op, scratch);
        return after;
    }

    /** Copies payload bytes of a split frame until it is whole, then delivers it from scratch. */
    private int payload(byte[] a, int p, int limit) {
        int take = Math.min(remaining, limit - p);
        System.arraycopy(a, p, scratch, scratchLength, take);
        scratchLength += take;
        remaining -= take;
        p += take;
        if (remaining > 0) {
            return p;
        }
        if (scratch[scratchLength - 2] != '\r' || scratch[scratchLength - 1] != '\n') {
            throw noCrlf(headerSize >= 0 ? OP_HMSG : OP_MSG);
        }
        state = IDLE;
        scratchLength = 0;
        next = p;
        deliverMsg(scratch, payloadStart);
        if (scratch.length > KEEP_SCRATCH && state == IDLE) {
            scratch = new byte[Math.min(maxControlLine + 2, 4096)];
        }
        return p;
    }

    private int lineLimit(byte first) {
        return first == 'I' || first == 'i' ? infoLimit : maxControlLine;
    }

    /**
     * Parses the control line {@code a[start, lf)} (LF at {@code lf}, CR before it optional); fills the
     * frame fields for MSG/HMSG and {@code argStart/argEnd} for INFO and -ERR.
     *
     * @return the op
     */
    private int parseLine(byte[] a, int start, int lf, int max) {
        int end = lf > start && a[lf - 1] == '\r' ? lf - 1 : lf;
        if (end - start > max) {
            throw tooLong(a, start, end - start, max);
        }
        int op = opAt(a, start, end);
        int nameLength = OP_NAMES[op].length();
        argStart = start + nameLength;
        argEnd = end;
        switch (op) {
            case OP_MSG -> parseMsgArgs(a, argStart, end, false);
            case OP_HMSG -> parseMsgArgs(a, argStart, end, true);
            case OP_PING, OP_PONG, OP_OK -> {
                for (int i = argStart; i < end; i++) {
                    if (!isBlank(a[i])) {
                        throw new NatsProtocolException(OP_NAMES[op] + ": unexpected arguments");
                    }
                }
            }
            case OP_INFO -> {
                while (argStart < end && isBlank(a[argStart])) {
                    argStart++;
                }
                if (argStart == end) {
                    throw new NatsProtocolException("INFO: missing JSON");
                }
            }
            default -> {
                while (argStart < end && isBlank(a[argStart])) {
                    argStart++;
                }
                while (argEnd > argStart && isBlank(a[argEnd - 1])) {
                    argEnd--;
                }
            }
        }
        return op;
    }

    /** Recognises the op name at the start of a complete control line; case-insensitive. */
    private static int opAt(byte[] a, int p, int end) {
        int n = end - p;
        if (n > 0) {
            switch (a[p]) {
                case 'M', 'm' -> {
                    if (n >= 3 && is(a[p + 1], 'S') && is(a[p + 2], 'G') && (n == 3 || isBlank(a[p + 3]))) {
                        return OP_MSG;
                    }
                }
                case 'H', 'h' -> {
                    if (n >= 4 && is(a[p + 1], 'M') && is(a[p + 2], 'S') && is(a[p + 3], 'G')
                            && (n == 4 || isBlank(a[p + 4]))) {
                        return OP_HMSG;
                    }
                }
                case 'P', 'p' -> {
                    if (n >= 4 && (n == 4 || isBlank(a[p + 4])) && is(a[p + 3], 'G') && is(a[p + 2], 'N')) {
                        if (is(a[p + 1], 'I')) {
                            return OP_PING;
                        }
                        if (is(a[p + 1], 'O')) {
                            return OP_PONG;
                        }
                    }
                }
                case 'I', 'i' -> {
                    if (n >= 4 && is(a[p + 1], 'N') && is(a[p + 2], 'F') && is(a[p + 3], 'O')
                            && (n == 4 || isBlank(a[p + 4]))) {
                        return OP_INFO;
                    }
                }
                case '+' -> {
                    if (n >= 3 && is(a[p + 1], 'O') && is(a[p + 2], 'K') && (n == 3 || isBlank(a[p + 3]))) {
                        return OP_OK;
                    }
                }
                case '-' -> {
                    if (n >= 4 && is(a[p + 1], 'E') && is(a[p + 2], 'R') && is(a[p + 3], 'R')
                            && (n == 4 || isBlank(a[p + 4]))) {
                        return OP_ERR;
                    }
                }
                default -> {
                }
            }
        }
        throw unknownOp(a, p, n);
    }

    /** Rejects a partial line early when its first bytes cannot start any known op. */
    private static void checkPrefix(byte[] a, int p, int n) {
        // Judge only the op name (at most 5 bytes) and only the bytes before a CR: a line ending
        // early gets its precise error at its LF.
        n = Math.min(n, 5);
        for (int i = 0; i < n; i++) {
            if (a[p + i] == '\r') {
                n = i;
                break;
            }
        }
        for (byte[] name : OP_PREFIXES) {
            int m = Math.min(n, name.length);
            int i = 0;
            while (i < m && (name[i] == ' ' ? isBlank(a[p + i]) : is(a[p + i], (char) name[i]))) {
                i++;
            }
            if (i == m) {
                return;
            }
        }
        throw unknownOp(a, p, n);
    }

    private void parseMsgArgs(byte[] a, int p, int end, boolean hmsg) {
        String op = hmsg ? "HMSG" : "MSG";
        int maxTokens = hmsg ? 5 : 4;
        int count = 0;
        int i = p;
        while (true) {
            while (i < end && isBlank(a[i])) {
                i++;
            }
            if (i == end) {
                break;
            }
            if (count == maxTokens) {
                throw new NatsProtocolException(op + ": too many arguments");
            }
            tokenStart[count] = i;
            while (i < end && !isBlank(a[i])) {
                i++;
            }
            tokenEnd[count++] = i;
        }
        if (count < maxTokens - 1) {
            throw new NatsProtocolException(op + ": missing arguments (expected "
                    + (hmsg ? "<subject> <sid> [reply] <#header bytes> <#total bytes>" : "<subject> <sid> [reply] <#bytes>")
                    + ")");
        }
        msgFields(a, count, hmsg);
    }

    /** Reads the frame fields from {@code count} tokens, 3 or 4 for MSG, 4 or 5 for HMSG. */
    private void msgFields(byte[] a, int count, boolean hmsg) {
        String op = hmsg ? "HMSG" : "MSG";
        int maxTokens = hmsg ? 5 : 4;
        subjectStart = tokenStart[0];
        subjectLength = tokenEnd[0] - subjectStart;
        sid = parseSid(a, tokenStart[1], tokenEnd[1], op);
        boolean hasReply = count == maxTokens;
        if (hasReply) {
            replyStart = tokenStart[2];
            replyLength = tokenEnd[2] - replyStart;
        } else {
            replyStart = subjectStart;
            replyLength = 0;
        }
        int sizeIndex = hasReply ? 3 : 2;
        if (hmsg) {
            headerSize = parseSize(a, tokenStart[sizeIndex], tokenEnd[sizeIndex], op, "header size");
            totalSize = parseSize(a, tokenStart[sizeIndex + 1], tokenEnd[sizeIndex + 1], op, "total size");
            if (headerSize > totalSize) {
                throw new NatsProtocolException("HMSG: header size " + headerSize + " exceeds total size "
                        + totalSize);
            }
        } else {
            headerSize = -1;
            totalSize = parseSize(a, tokenStart[sizeIndex], tokenEnd[sizeIndex], op, "payload size");
        }
    }

    private static long parseSid(byte[] a, int start, int end, String op) {
        long v = 0;
        for (int i = start; i < end; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                throw new NatsProtocolException(op + ": sid is not a non-negative decimal number");
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw new NatsProtocolException(op + ": sid overflows a long");
            }
            v = v * 10 + d;
        }
        return v;
    }

    private int parseSize(byte[] a, int start, int end, String op, String what) {
        long v = 0;
        for (int i = start; i < end; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                throw new NatsProtocolException(op + ": " + what + " is not a non-negative decimal number");
            }
            v = v * 10 + d;
            if (v > maxPayload) {
                // v stays below maxPayload * 10 + 9, so it cannot overflow before this check fires.
                throw new NatsProtocolException(op + ": " + what + " exceeds the maximum payload of "
                        + maxPayload + " bytes");
            }
        }
        return (int) v;
    }

    private void deliver(int op, byte[] a) {
        switch (op) {
            case OP_PING -> {
                delivering = true;
                sink.onPing();
            }
            case OP_PONG -> {
                delivering = true;
                sink.onPong();
            }
            case OP_OK -> {
                delivering = true;
                sink.onOk();
            }
            case OP_INFO -> {
                ServerInfo info = ServerInfo.parse(a, argStart, argEnd - argStart);
                delivering = true;
                sink.onInfo(info);
            }
            default -> {
                int s = argStart;
                int e = argEnd;
                if (e - s >= 2 && a[s] == '\'' && a[e - 1] == '\'') {
                    s++;
                    e--;
                }
                String text = MsgView.decode(a, s, e - s);
                delivering = true;
                sink.onErr(text);
            }
        }
        delivering = false;
    }

    private void deliverMsg(byte[] a, int start) {
        int hdr = headerSize < 0 ? 0 : headerSize;
        view.set(a, sid, subjectStart, subjectLength, replyStart, replyLength, start, hdr, totalSize - hdr);
        delivering = true;
        sink.onMsg(view);
        delivering = false;
    }

    /** The most scratch any single op can need: the longest INFO line, or a control line plus a frame. */
    long scratchBound() {
        return Math.max(infoLimit + 2L, maxControlLine + 2L + maxPayload + 2L);
    }

    private void ensureScratch(int capacity) {
        if (scratch.length < capacity) {
            long grown = Math.min(Math.max(capacity, (long) scratch.length * 2), scratchBound());
            byte[] bigger = new byte[(int) Math.max(grown, capacity)];
            System.arraycopy(scratch, 0, bigger, 0, scratchLength);
            scratch = bigger;
        }
    }

    private static int indexOfLf(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Case-insensitive match of a byte with an upper-case ASCII letter or a symbol. */
    private static boolean is(byte b, char upper) {
        return b == upper || (upper >= 'A' && upper <= 'Z' && b == upper + 32);
    }

    private static NatsProtocolException noCrlf(int op) {
        return new NatsProtocolException(OP_NAMES[op] + ": payload not followed by CRLF");
    }

    private static NatsProtocolException tooLong(byte[] a, int p, int n, int max) {
        String op = knownOpName(a, p, n);
        return new NatsProtocolException((op == null ? "control line" : op + ": control line")
                + " longer than " + max + " bytes");
    }

    private static NatsProtocolException unknownOp(byte[] a, int p, int n) {
        // Only the first byte, in hex: the line may be payload of a desynchronised stream.
        return new NatsProtocolException(n == 0 ? "empty control line"
                : String.format("unknown protocol operation (line starts with byte 0x%02x)", a[p] & 0xff));
    }

    private static String knownOpName(byte[] a, int p, int n) {
        try {
            int end = p;
            while (end < p + n && end - p < 5 && !isBlank(a[end]) && a[end] != '\r' && a[end] != '\n') {
                end++;
            }
            return OP_NAMES[opAt(a, p, end)];
        } catch (NatsProtocolException e) {
            return null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
