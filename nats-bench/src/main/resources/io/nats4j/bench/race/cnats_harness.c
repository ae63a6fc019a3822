/*
 * The race's libnats (nats.c) worker: one scenario, one process, the same clock as the Java
 * workers (first publish to the PONG of a final flush; for pub->sub, to the last message received).
 * Compiled by the race with: gcc -O2 -o cnats_harness cnats_harness.c -lnats
 * Usage: cnats_harness pub|pubsub|req URL MSGS SIZE WARMUP
 * Prints one line: RESULT key=value ...
 */
#include <nats/nats.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void check(natsStatus s, const char *what) {
    if (s != NATS_OK) {
        fprintf(stderr, "cnats_harness: %s: %s\n", what, natsStatus_GetText(s));
        exit(1);
    }
}

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int64_t count;
    int64_t expected;
    int64_t last;
} counter_t;

static void on_msg(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) {
    counter_t *c = closure;
    (void) nc;
    (void) sub;
    natsMsg_Destroy(msg);
    pthread_mutex_lock(&c->mu);
    c->count++;
    if (c->count == c->expected) {
        c->last = now_ns();
        pthread_cond_signal(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
}

static void on_req(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) {
    (void) sub;
    (void) closure;
    const char *reply = natsMsg_GetReply(msg);
    if (reply != NULL) {
        natsConnection_Publish(nc, reply, natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    }
    natsMsg_Destroy(msg);
}

static natsConnection *connect_to(const char *url) {
    natsConnection *nc = NULL;
    check(natsConnection_ConnectTo(&nc, url), "connect");
    return nc;
}

static double publish(natsConnection *nc, const char *subj, int64_t n, const char *data, int size) {
    int64_t t0 = now_ns();
    for (int64_t i = 0; i < n; i++) {
        check(natsConnection_Publish(nc, subj, data, size), "publish");
    }
    check(natsConnection_FlushTimeout(nc, 120000), "flush");
    return (now_ns() - t0) / 1e9;
}

static void run_pub(const char *url, int64_t n, int size, int64_t warmup) {
    natsConnection *nc = connect_to(url);
    char *data = calloc(1, size > 0 ? size : 1);
    publish(nc, "race.pub", warmup, data, size);
    double secs = publish(nc, "race.pub", n, data, size);
    printf("RESULT msgs_per_sec=%.1f mb_per_sec=%.3f seconds=%.6f\n", n / secs, n * (double) size / secs / 1e6, secs);
    natsConnection_Destroy(nc);
    free(data);
}

static double pubsub_round(natsConnection *pub, natsConnection *subc, const char *subj, int64_t n, const char *data,
        int size, int64_t *got) {
    counter_t c = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, n, 0};
    natsSubscription *sub = NULL;
    check(natsConnection_Subscribe(&sub, subc, subj, on_msg, &c), "subscribe");
    check(natsSubscription_SetPendingLimits(sub, -1, -1), "pending limits");
    check(natsConnection_FlushTimeout(subc, 10000), "flush");
    int64_t t0 = now_ns();
    for (int64_t i = 0; i < n; i++) {
        check(natsConnection_Publish(pub, subj, data, size), "publish");
    }
    check(natsConnection_FlushTimeout(pub, 120000), "flush");
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 60;
    pthread_mutex_lock(&c.mu);
    while (c.count < n && pthread_cond_timedwait(&c.cv, &c.mu, &until) == 0) {
    }
    *got = c.count;
    int64_t end = c.count == n ? c.last : now_ns();
    pthread_mutex_unlock(&c.mu);
    natsSubscription_Unsubscribe(sub);
    natsSubscription_Destroy(sub);
    return (end - t0) / 1e9;
}

static void run_pubsub(const char *url, int64_t n, int size, int64_t warmup) {
    natsConnection *subc = connect_to(url);
    natsConnection *pub = connect_to(url);
    char *data = calloc(1, size > 0 ? size : 1);
    int64_t got = 0;
    pubsub_round(pub, subc, "race.warm", warmup, data, size, &got);
    double secs = pubsub_round(pub, subc, "race.stream", n, data, size, &got);
    printf("RESULT msgs_per_sec=%.1f mb_per_sec=%.3f seconds=%.6f received=%lld missing=%lld\n", got / secs,
            got * (double) size / secs / 1e6, secs, (long long) got, (long long) (n - got));
    natsConnection_Destroy(pub);
    natsConnection_Destroy(subc);
    free(data);
}

static int cmp64(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

static void run_req(const char *url, int64_t n, int size, int64_t warmup) {
    natsConnection *rep = connect_to(url);
    natsConnection *req = connect_to(url);
    natsSubscription *sub = NULL;
    check(natsConnection_Subscribe(&sub, rep, "race.req", on_req, NULL), "subscribe");
    check(natsConnection_FlushTimeout(rep, 10000), "flush");
    char *data = calloc(1, size > 0 ? size : 1);
    int64_t *lat = malloc(sizeof(int64_t) * (n > 0 ? n : 1));
    int64_t timeouts = 0;
    int64_t ok = 0;
    for (int64_t i = 0; i < warmup + n; i++) {
        natsMsg *reply = NULL;
        int64_t t0 = now_ns();
        natsStatus s = natsConnection_Request(&reply, req, "race.req", data, size, 10000);
        int64_t took = now_ns() - t0;
        if (s != NATS_OK) {
            timeouts++;
            continue;
        }
        natsMsg_Destroy(reply);
        if (i >= warmup) {
            lat[ok++] = took;
        }
    }
    if (ok == 0) {
        fprintf(stderr, "cnats_harness: no request got a reply\n");
        return;
    }
    double total = 0;
    for (int64_t i = 0; i < ok; i++) {
        total += lat[i];
    }
    qsort(lat, ok, sizeof(int64_t), cmp64);
    printf("RESULT msgs_per_sec=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f timeouts=%lld\n",
            ok / (total / 1e9), lat[ok / 2] / 1e3, lat[ok * 90 / 100] / 1e3, lat[ok * 99 / 100] / 1e3,
            lat[ok * 999 / 1000] / 1e3, lat[ok - 1] / 1e3, (long long) timeouts);
    natsSubscription_Destroy(sub);
    natsConnection_Destroy(req);
    natsConnection_Destroy(rep);
    free(lat);
    free(data);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: cnats_harness pub|pubsub|req URL MSGS SIZE WARMUP\n");
        return 2;
    }
    int64_t n = atoll(argv[3]);
    int size = atoi(argv[4]);
    int64_t warmup = atoll(argv[5]);
    if (strcmp(argv[1], "pub") == 0) {
        run_pub(argv[2], n, size, warmup);
    } else if (strcmp(argv[1], "pubsub") == 0) {
        run_pubsub(argv[2], n, size, warmup);
    } else if (strcmp(argv[1], "req") == 0) {
        run_req(argv[2], n, size, warmup);
    } else {
        fprintf(stderr, "cnats_harness: unknown scenario %s\n", argv[1]);
        return 2;
    }
    fflush(stdout);
    nats_Close();
    return 0;
}
