package io.nats4j.auth;

import io.nats4j.protocol.ServerInfo;
import java.util.List;
import java.util.Optional;

/** Vectors published with the reference NKeys implementations, and test helpers. */
final class TestVectors {
    private TestVectors() {
    }

    // nats-io/nkeys.js test/integration_test.ts ("generated using nkey api in go").
    static final String JS_SEED = "SAAK7IAXLQQ2A65HJCMUBR6IG6GP3AOXQGEPCNQIIAG7ZZ7XCEFIROMY6U";
    static final String JS_PUBLIC = "ACLG5IASA6EMBRAUOXXWX44GNBZPDJO3A3RYDT7FDYYEPBJIBRGP6WHZ";
    static final String JS_NONCE = "2w2TrJVMAqwqZbg0nXovhQ==";
    static final String JS_SIG =
            "F64qNsH2n_XllIX7qYa1YqTTH_K61tPHlvvsN_lhlo-tCpTaKfp0_yWnw5IsQeaiSqwN2rUs20Rk1VV9vtiBBw==";

    // nats-io/nkeys.js: the seed encoding of raw seed "albertoralbertoralbertoralbertor" as a user.
    static final String ALBERTOR_RAW = "albertoralbertoralbertoralbertor";
    static final String ALBERTOR_SEED = "SUAGC3DCMVZHI33SMFWGEZLSORXXEYLMMJSXE5DPOJQWYYTFOJ2G64VAPY";
    static final String ALBERTOR_PUBLIC = "UAHJLSMYZDJCBHQ2SARL37IEALR3TI7VVPZ2MJ7F4SZKNOG7HJJIYW5T";

    // nats-io/nkeys creds_utils_test.go: a decorated creds file and its parts.
    static final String CREDS_SEED = "SUAOTBNEUHZDFJT3EUMELT7MQTP24JF3XVCXQNDSCU74G5IU6VAJBKH5LI";
    static final String CREDS_JWT = "eyJ0eXAiOiJqd3QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiJHVDROVU5NRUY3Wk1XQ1JCWFZWVURLUVQ2WllQWjc3VzRKUlFYRDNMMjRIS1VKRUNRSDdRIiwiaWF0IjoxNTkwNzgxNTkzLCJpc3MiOiJBQURXTFRISUNWNFNVQUdGNkVLTlZFVzVCQlA3WVJESUJHV0dHSFo1SkJET1FZQTdHVUZNNkFRVSIsIm5hbWUiOiJPUEVSQVRPUiIsInN1YiI6IlVERTZXVEdMVFRQQ1JKUkpDS0JKUkdWTlpUTElWUjdMRUVFTFI0Q1lXV1dCS0pTN1hZSUtYRFVVIiwibmF0cyI6eyJwdWIiOnt9LCJzdWIiOnt9LCJ0eXBlIjoidXNlciIsInZlcnNpb24iOjJ9fQ.c_XQT04wEoVVNDRjPHeKwe17BOrSpQTcftwIbB7KoNEIz6peZCJDc4-J3emVepHofUOWy7IAo9TlLwYhuGHWAQ";
    static final String CREDS_USER = "UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU";
    static final String CREDS_ISSUER = "AADWLTHICV4SUAGF6EKNVEW5BBP7YRDIBGWGGHZ5JBDOQYA7GUFM6AQU";
    static final String DECORATED_CREDS = "-----BEGIN NATS USER JWT-----\n"
            + CREDS_JWT + "\n"
            + "------END NATS USER JWT------\n"
            + "\n"
            + "************************* IMPORTANT *************************\n"
            + "NKEY Seed printed below can be used to sign and prove identity.\n"
            + "NKEYs are sensitive and should be treated as secrets.\n"
            + "\n"
            + "-----BEGIN USER NKEY SEED-----\n"
            + CREDS_SEED + "\n"
            + "------END USER NKEY SEED------\n"
            + "\n"
            + "*************************************************************\n";

    /** A creds file in the layout {@code nsc} writes. */
    static String credsFile(String jwt, char[] seed) {
        return "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n\n"
                + "************************* IMPORTANT *************************\n"
                + "NKEY Seed printed below can be used to sign and prove identity.\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + new String(seed) + "\n------END USER NKEY SEED------\n";
    }

    /** An INFO as the server sends it for NKey auth, built with the canonical constructor. */
    static ServerInfo info(Optional<String> nonce) {
        return new ServerInfo("NSERVER", "test", "2.9.10", "go1.19", "127.0.0.1", 4222, true, true, false,
                false, false, 1024 * 1024, 1, 7, "127.0.0.1", nonce, Optional.empty(), List.of(), List.of(),
                false, false, Optional.empty());
    }
}
