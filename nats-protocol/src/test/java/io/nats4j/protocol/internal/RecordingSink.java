package io.nats4j.protocol.internal;

import io.nats4j.protocol.ServerInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sink that records each op as one line of text, materialising every view as it arrives. */
class RecordingSink implements ParserSink {

    final List<String> events = new ArrayList<>();
    /** The array of the last MsgView, to tell the zero-copy path from the scratch path. */
    byte[] lastArray;
    ServerInfo lastInfo;

    @Override
    public void onMsg(MsgView msg) {
        byte[] a = msg.array();
        lastArray = a;
        assertTrue(msg.subjectOffset() >= 0 && msg.subjectOffset() + msg.subjectLength() <= a.length);
        assertEquals(msg.headersOffset() + msg.headersLength(), msg.payloadOffset());
        assertTrue(msg.payloadOffset() + msg.payloadLength() <= a.length);
        String headers = msg.headersLength() == 0 ? ""
                : " hdr=" + new String(a, msg.headersOffset(), msg.headersLength(), StandardCharsets.UTF_8);
        events.add("MSG " + msg.subject() + " " + msg.sid() + " reply=" + msg.replyTo().orElse("")
                + headers + " data=" + new String(msg.copyPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void onInfo(ServerInfo info) {
        lastInfo = info;
        events.add("INFO " + info.serverId());
    }

    @Override
    public void onPing() {
        events.add("PING");
    }

    @Override
    public void onPong() {
        events.add("PONG");
    }

    @Override
    public void onOk() {
        events.add("+OK");
    }

    @Override
    public void onErr(String error) {
        events.add("-ERR " + error);
    }
}
