package io.nats4j.bench;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.kv.KeyValue;
import io.nats4j.jetstream.kv.KeyValueConfig;
import io.nats4j.jetstream.os.ObjectStore;
import io.nats4j.jetstream.os.ObjectStoreConfig;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Key/Value and Object Store throughput of nats4j beside io.nats:jnats, in one JVM against one
 * {@code nats-server} with JetStream (started through {@code nats-testing} unless {@code --url} is given).
 *
 * <p>Per round and client, in alternating order: {@code --ops} sequential KV puts of
 * {@code --value-bytes} bytes over 1,000 keys (memory storage), as many sequential gets, then one
 * {@code --object-mib} MiB object put and got back (file storage, 128 KiB chunks). Prints the median
 * and range of {@code --rounds} rounds, with the machine's load average.
 *
 * <pre>{@code
 * java -cp <nats-bench runtime class path> io.nats4j.bench.KvBench --ops 20000 --object-mib 64 --rounds 5
 * }</pre>
 */
public final class KvBench {
    private static final int KEYS = 1000;

    private KvBench() {
    }

    /** One client library under test. */
    interface Client extends AutoCloseable {
        String name();

        void kvCreate(String bucket);

        void kvPut(String key, byte[] value);

        byte[] kvGet(String key);

        void kvDrop();

        void osCreate(String bucket);

        void osPut(String name, InputStream in) throws Exception;

        void osGet(String name, OutputStream out) throws Exception;

        void osDrop();

        @Override
        void close();
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --ops N}, {@code --value-bytes N}, {@code --object-mib N}, {@code --rounds N},
     *     {@code --url nats://...}
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("ops", "20000", "value-bytes", "128", "object-mib", "64",
                "rounds", "3", "url", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!opt.containsKey(key)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + opt.keySet());
            }
            opt.put(key, args[i + 1]);
        }
        int ops = Integer.parseInt(opt.get("ops"));
        int valueBytes = Integer.parseInt(opt.get("value-bytes"));
        int objectMib = Integer.parseInt(opt.get("object-mib"));
        int rounds = Integer.parseInt(opt.get("rounds"));
        NatsServer server = opt.get("url").isEmpty() ? NatsServer.start(NatsServerConfig.builder().jetstream().build())
                : null;
        String url = server == null ? opt.get("url") : server.url();
        try {
            run(url, ops, valueBytes, objectMib, rounds);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void run(String url, int ops, int valueBytes, int objectMib, int rounds) throws Exception {
        System.out.printf("KV / object store bench: %s, %,d ops of %d B, %d MiB object, %d rounds, JDK %s, %d cores, "
                + "load %s%n", url, ops, valueBytes, objectMib, rounds, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        byte[] value = new byte[valueBytes];
        new Random(1).nextBytes(value);
        try (Client ours = new Nats4jClient(url); Client theirs = new JnatsClient(url)) {
            for (int r = 0; r < rounds; r++) {
                Client[] order = r % 2 == 0 ? new Client[] {ours, theirs} : new Client[] {theirs, ours};
                for (Client c : order) {
                    Map<String, List<Double>> m = results.computeIfAbsent(c.name(), k -> new LinkedHashMap<>());
                    round(c, r, ops, value, objectMib, m);
                }
            }
        }
        System.out.printf("%n%-8s %22s %22s %22s %22s%n", "client", "kv put ops/s", "kv get ops/s", "object put MB/s",
                "object get MB/s");
        for (Map.Entry<String, Map<String, List<Double>>> e : results.entrySet()) {
            System.out.printf("%-8s", e.getKey());
            for (String k : List.of("put", "get", "oput", "oget")) {
                System.out.printf(" %22s", summary(e.getValue().get(k)));
            }
            System.out.println();
        }
        System.out.printf("median (min-max) of %d rounds; load average now %s%n", rounds, load());
    }

    /** The 1, 5 and 15 minute load averages (Linux), to read the figures against. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void round(Client c, int r, int ops, byte[] value, int objectMib, Map<String, List<Double>> m)
            throws Exception {
        String bucket = "bench_" + c.name() + "_" + r;
        c.kvCreate(bucket);
        for (int i = 0; i < KEYS; i++) { // warm: every key exists before the timed gets
            c.kvPut("k." + i, value);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            c.kvPut("k." + (i % KEYS), value);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            if (c.kvGet("k." + (i % KEYS)).length != value.length) {
                throw new IllegalStateException(c.name() + ": wrong value length");
            }
        }
        long t2 = System.nanoTime();
        c.kvDrop();
        m.computeIfAbsent("put", k -> new ArrayList<>()).add(ops / ((t1 - t0) / 1e9));
        m.computeIfAbsent("get", k -> new ArrayList<>()).add(ops / ((t2 - t1) / 1e9));

        long size = (long) objectMib << 20;
        c.osCreate(bucket);
        long t3 = System.nanoTime();
        c.osPut("object", new Source(size));
        long t4 = System.nanoTime();
        Sink sink = new Sink();
        c.osGet("object", sink);
        long t5 = System.nanoTime();
        c.osDrop();
        if (sink.count != size) {
            throw new IllegalStateException(c.name() + ": got " + sink.count + " bytes of " + size);
        }
        m.computeIfAbsent("oput", k -> new ArrayList<>()).add(size / ((t4 - t3) / 1e3));
        m.computeIfAbsent("oget", k -> new ArrayList<>()).add(size / ((t5 - t4) / 1e3));
        System.out.printf("round %d %-7s kv put %,8.0f ops/s  get %,8.0f ops/s  object put %6.1f MB/s  get %6.1f MB/s%n",
                r + 1, c.name(), ops / ((t1 - t0) / 1e9), ops / ((t2 - t1) / 1e9), size / ((t4 - t3) / 1e3),
                size / ((t5 - t4) / 1e3));
    }

    private static String summary(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("%,.0f (%,.0f-%,.0f)", s[s.length / 2], s[0], s[s.length - 1]);
    }

    /** Pseudo-random bytes, cheap to make: one random MiB repeated. */
    static final class Source extends InputStream {
        private static final byte[] BLOCK = new byte[1 << 20];

        static {
            new Random(7).nextBytes(BLOCK);
        }

        private long left;
        private long pos;

        Source(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return BLOCK[(int) (pos++ % BLOCK.length)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), BLOCK.length - pos % BLOCK.length);
            System.arraycopy(BLOCK, (int) (pos % BLOCK.length), b, off, n);
            pos += n;
            left -= n;
            return n;
        }
    }

    /** Counts bytes, keeps none. */
    static final class Sink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** nats4j: {@code nats-jetstream}'s kv and os packages. */
    static final class Nats4jClient implements Client {
        private final io.nats4j.client.Connection nc;
        private final JetStream js;
        private KeyValue kv;
        private ObjectStore os;

        Nats4jClient(String url) {
            nc = io.nats4j.client.Nats.connect(url);
            js = JetStream.of(nc);
        }

        @Override
        public String name() {
            return "nats4j";
        }

        @Override
        public void kvCreate(String bucket) {
            kv = js.keyValue().create(KeyValueConfig.builder().bucket(bucket).storage(StorageType.MEMORY).build());
        }

        @Override
        public void kvPut(String key, byte[] value) {
            kv.put(key, value);
        }

        @Override
        public byte[] kvGet(String key) {
            return kv.get(key).orElseThrow().value();
        }

        @Override
        public void kvDrop() {
            js.keyValue().delete(kv.bucket());
        }

        @Override
        public void osCreate(String bucket) {
            os = js.objectStore().create(ObjectStoreConfig.builder().bucket(bucket).build());
        }

        @Override
        public void osPut(String name, InputStream in) {
            os.put(name, in);
        }

        @Override
        public void osGet(String name, OutputStream out) {
            os.get(name, out);
        }

        @Override
        public void osDrop() {
            js.objectStore().delete(os.bucket());
        }

        @Override
        public void close() {
            nc.close();
        }
    }

    /** io.nats:jnats, the reference Java client. */
    static final class JnatsClient implements Client {
        private final io.nats.client.Connection nc;
        private io.nats.client.KeyValue kv;
        private String kvBucket;
        private io.nats.client.ObjectStore os;
        private String osBucket;

        JnatsClient(String url) throws Exception {
            // an error listener of no-op defaults: jnats would otherwise log every flow-control message
            nc = io.nats.client.Nats.connect(new io.nats.client.Options.Builder().server(url)
                    .errorListener(new io.nats.client.ErrorListener() { }).build());
        }

        @Override
        public String name() {
            return "jnats";
        }

        @Override
        public void kvCreate(String bucket) {
            try {
                nc.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder().name(bucket)
                        .storageType(io.nats.client.api.StorageType.Memory).build());
                kv = nc.keyValue(bucket);
                kvBucket = bucket;
            } catch (Exception e) {
                throw new IllegalStateException("jnats: creating bucket " + bucket, e);
            }
        }

        @Override
        public void kvPut(String key, byte[] value) {
            try {
                kv.put(key, value);
            } catch (Exception e) {
                throw new IllegalStateException("jnats: put " + key, e);
            }
        }

        @Override
        public byte[] kvGet(String key) {
            try {
                return kv.get(key).getValue();
            } catch (Exception e) {
                throw new IllegalStateException("jnats: get " + key, e);
            }
        }

        @Override
        public void kvDrop() {
            try {
                nc.keyValueManagement().delete(kvBucket);
            } catch (Exception e) {
                throw new IllegalStateException("jnats: deleting bucket " + kvBucket, e);
            }
        }

        @Override
        public void osCreate(String bucket) {
            try {
                nc.objectStoreManagement().create(io.nats.client.api.ObjectStoreConfiguration.builder(bucket)
                        .storageType(io.nats.client.api.StorageType.File).build());
                os = nc.objectStore(bucket);
                osBucket = bucket;
            } catch (Exception e) {
                throw new IllegalStateException("jnats: creating object store " + bucket, e);
            }
        }

        @Override
        public void osPut(String name, InputStream in) throws Exception {
            os.put(io.nats.client.api.ObjectMeta.objectName(name), in);
        }

        @Override
        public void osGet(String name, OutputStream out) throws Exception {
            os.get(name, out);
        }

        @Override
        public void osDrop() {
            try {
                nc.objectStoreManagement().delete(osBucket);
            } catch (Exception e) {
                throw new IllegalStateException("jnats: deleting object store " + osBucket, e);
            }
        }

        @Override
        public void close() {
            try {
                nc.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
