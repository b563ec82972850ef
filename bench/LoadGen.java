import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny closed-loop HTTP load generator (no ab/wrk on the machine): CONCURRENCY threads each send requests
 * back to back for SECONDS, to URLs picked at random from the arguments ({n} in a URL is replaced by a random
 * number from FROM to TO). Prints requests per second, p50/p90/p99/max latency and the count of answers other than
 * EXPECT (200).
 *
 * <p>Run with Java's source-file mode: {@code java bench/LoadGen.java 8 20 http://localhost:18080/fr/...}.
 * Env: FROM, TO (range of {n}), LABEL (printed first), COOKIE (a session cookie for signed-in pages), METHOD (GET or
 * POST), BODY (sent as JSON with POST), HEADER ("Name: value", sent with every request), EXPECT (the status counted as
 * success). With SEQ=1, {i} in the URL and HEADER takes each value from FROM to TO once, in order across the threads
 * (one signer per request), and the run ends when they are used up; ACKS_FILE then receives the {i} of every
 * successful answer, one per line, written as it arrives (so that it survives a server killed mid-run).
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        List<String> urls = Arrays.asList(args).subList(2, args.length);
        long from = Long.parseLong(System.getenv().getOrDefault("FROM", "1"));
        long to = Long.parseLong(System.getenv().getOrDefault("TO", "1"));
        // A signed-in page: COOKIE is the session cookie ("SESSION=..."), sent with every request; without it the
        // requests carry no cookie at all, as a first-time anonymous visitor's do.
        String cookie = System.getenv().getOrDefault("COOKIE", "");
        String method = System.getenv().getOrDefault("METHOD", "GET");
        String body = System.getenv().getOrDefault("BODY", "");
        String header = System.getenv().getOrDefault("HEADER", "");
        int expect = Integer.parseInt(System.getenv().getOrDefault("EXPECT", "200"));
        boolean sequence = "1".equals(System.getenv("SEQ"));
        AtomicLong next = new AtomicLong(from);
        String acksFile = System.getenv("ACKS_FILE");
        java.io.PrintStream acks = acksFile == null ? null
                : new java.io.PrintStream(new java.io.FileOutputStream(acksFile, true), true);
        java.util.concurrent.ConcurrentHashMap<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long[][] holder = new long[1][];
            Thread thread = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String url = urls.get(random.nextInt(urls.size()));
                    if (url.contains("{n}")) {
                        url = url.replace("{n}", Long.toString(from + random.nextLong(to - from + 1)));
                    }
                    String i = null;
                    if (sequence) {
                        long value = next.getAndIncrement();
                        if (value > to) {
                            break;
                        }
                        i = Long.toString(value);
                        url = url.replace("{i}", i);
                    }
                    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Accept-Encoding", "identity");
                    if (!cookie.isEmpty()) {
                        builder.header("Cookie", cookie);
                    }
                    if (!header.isEmpty()) {
                        int colon = header.indexOf(':');
                        builder.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip().replace("{i}", i == null ? "" : i));
                    }
                    HttpRequest request = "POST".equals(method)
                            ? builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()
                            : builder.GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        if (response.statusCode() != expect) {
                            errors.incrementAndGet();
                        } else if (acks != null && i != null) {
                            acks.println(i);
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent(0, k -> new AtomicLong()).incrementAndGet();
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - start;
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = took;
                }
                holder[0] = Arrays.copyOf(lat, n);
            });
            threads.add(thread);
            thread.start();
            perThreadHolders.add(holder);
        }
        long started = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perThreadHolders.stream().flatMapToLong(h -> Arrays.stream(h[0])).sorted().toArray();
        String label = System.getenv().getOrDefault("LABEL", "");
        System.out.printf("%s requests=%d seconds=%.1f throughput=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms errors=%d concurrency=%d%n",
                label, all.length, elapsed, all.length / elapsed, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), concurrency);
        if (!"GET".equals(method) || statuses.size() > 1) {
            System.out.println("statuses (0 = no answer): " + new java.util.TreeMap<>(statuses));
        }
        if (acks != null) {
            acks.close();
        }
    }

    private static final List<long[][]> perThreadHolders = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
