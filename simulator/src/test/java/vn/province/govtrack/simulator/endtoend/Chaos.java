package vn.province.govtrack.simulator.endtoend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.province.govtrack.simulator.benchmark.Product;

/**
 * Kills parts of a running product with SIGKILL at random moments and starts them again, from a
 * schedule drawn up front from one seed: the same seed gives the same kills, in the same order, with
 * the same pauses (the moments they meet in the load differ from run to run, as the load's pace does).
 * Each round waits a random while, kills one part, leaves it dead for a random while, restarts it and
 * waits until it is ready again.
 */
final class Chaos implements Runnable {

    /** One kill of the schedule: wait {@code pauseMillis}, kill {@code part}, restart it after {@code downMillis}. */
    record Kill(String part, long pauseMillis, long downMillis) {
    }

    /** A kill as it happened: when (from the start of the chaos), and how long the part was away. */
    record Done(String part, long killedAtMillis, long downMillis, long restartMillis) {

        /** From the kill until the part was ready again. */
        long outageMillis() {
            return downMillis + restartMillis;
        }
    }

    private final Product product;
    private final List<Kill> schedule;
    private final List<Done> done = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    Chaos(Product product, List<Kill> schedule) {
        this.product = product;
        this.schedule = List.copyOf(schedule);
    }

    /**
     * {@code rounds} kills of each of {@code targets} (e.g. "mongo", "command", "query"), in an order
     * drawn from {@code random}; a service target names a random instance of it. Pauses before a kill
     * are 0.5–4 s, the time a part stays dead 0.2–3 s.
     */
    static List<Kill> schedule(Random random, List<String> targets, int rounds, int instances) {
        List<String> parts = new ArrayList<>();
        for (String target : targets) {
            for (int round = 0; round < rounds; round++) {
                parts.add(target);
            }
        }
        Collections.shuffle(parts, random);
        List<Kill> kills = new ArrayList<>();
        for (String target : parts) {
            String part = target.equals("mongo") ? target : target + "-" + (1 + random.nextInt(instances));
            kills.add(new Kill(part, 500 + random.nextInt(3_500), 200 + random.nextInt(2_800)));
        }
        return kills;
    }

    @Override
    public void run() {
        long start = System.currentTimeMillis();
        try {
            for (Kill kill : schedule) {
                if (!pause(kill.pauseMillis())) {
                    return;
                }
                long killedAt = System.currentTimeMillis();
                product.kill(kill.part());
                pause(kill.downMillis());
                long restarting = System.currentTimeMillis();
                product.restart(kill.part());
                done.add(new Done(kill.part(), killedAt - start, restarting - killedAt,
                                  System.currentTimeMillis() - restarting));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Ends the schedule early: no kill after this; a part already killed is still restarted. */
    void stop() {
        stopped = true;
    }

    /** The kills done so far. */
    List<Done> done() {
        return List.copyOf(done);
    }

    /** Why a kill or a restart failed, if one did. */
    RuntimeException failure() {
        return failure;
    }

    /** False when stopped during the pause. */
    private boolean pause(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (stopped) {
                return false;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopped;
    }
}
